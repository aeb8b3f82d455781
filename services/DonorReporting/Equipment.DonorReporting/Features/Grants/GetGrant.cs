using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

public static class GetGrant
{
    public sealed record Query(Guid GrantId, string? DonorScope) : IRequest<GrantResponse>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, GrantResponse>
    {
        public async Task<GrantResponse> Handle(Query query, CancellationToken cancellationToken) =>
            GrantResponse.From(await db.FindVisibleGrantAsync(query.GrantId, query.DonorScope, cancellationToken));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}", (Guid grantId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(grantId, user.DonorScope), ct))
            .WithName("GetGrant");

    /// <summary>The grant, or 404 when it does not exist or belongs to another donor than the monitor's.</summary>
    public static async Task<Grant> FindVisibleGrantAsync(this ReportingDbContext db, Guid grantId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Grants.AsNoTracking()
            .Where(g => g.Id == grantId && (donorScope == null || g.DonorCode == donorScope))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException($"No grant {grantId}.");
}
