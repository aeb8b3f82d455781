using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>
/// The grant's summary: the agreement as it stands and where its money and equipment are — budget against
/// committed, contracted, delivered and disbursed; the funnel per grant and per agreed crossing point; lead times;
/// availability; verification coverage; and the indicators against their baselines and targets.
/// </summary>
public static class GetGrant
{
    public sealed record Query(Guid GrantId, string? DonorScope) : IRequest<GrantReport>;

    public sealed class Handler(ReportingDbContext db, TimeProvider clock) : IRequestHandler<Query, GrantReport>
    {
        public async Task<GrantReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(query.GrantId, query.DonorScope, cancellationToken);
            return new GrantReport(GrantResponse.From(grant), await GrantSummary.FiguresAsync(db, grant, clock.GetUtcNow().UtcDateTime, cancellationToken));
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}", (Guid grantId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(grantId, user.DonorScope), ct))
            .WithEntityTag<Grant>("grantId")
            .WithName("GetGrant");

    /// <summary>The grant, or 404 when it does not exist or belongs to another donor than the monitor's.</summary>
    public static async Task<Grant> FindVisibleGrantAsync(this ReportingDbContext db, Guid grantId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking()
            .Where(g => g.Id == grantId && (donorScope == null || g.DonorCode == donorScope))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"No grant {grantId}.");
}
