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
            return new GrantReport(GrantResponse.From(grant), await db.ComputeFiguresAsync(grant, clock.GetUtcNow().UtcDateTime, cancellationToken));
        }
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

    /// <summary>Loads the grant's copies of the other services' facts (one query each, no per-asset round trips) and computes its figures.</summary>
    public static async Task<GrantFigures> ComputeFiguresAsync(this ReportingDbContext db, Grant grant, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var lots = await db.TenderedLots.AsNoTracking().Where(l => l.GrantId == grant.Id).ToListAsync(cancellationToken);
        var contracts = await db.SignedContracts.AsNoTracking().Where(c => c.GrantId == grant.Id).ToListAsync(cancellationToken);
        var assets = await db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grant.Id).ToListAsync(cancellationToken);
        var statuses = await (from s in db.StatusRecords
                              join a in db.TrackedAssets on s.AssetId equals a.AssetId
                              where a.GrantId == grant.Id
                              select s).AsNoTracking().ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.GrantId == grant.Id && v.Status == VisitStatus.Recorded).ToListAsync(cancellationToken);
        var disbursed = (await db.Disbursements.Where(d => d.GrantId == grant.Id).Select(d => d.Amount).ToListAsync(cancellationToken)).Sum();
        var upkeep = await db.UpkeepRecords.AsNoTracking().Where(u => u.GrantId == grant.Id).ToListAsync(cancellationToken);
        return GrantFiguresCalculator.Compute(grant, lots, contracts, assets, statuses,
            visits.SelectMany(v => v.Findings.Select(f => new SeenAsset(f.AssetId, v.VisitedOn!.Value, f.ObservedAt, f.Finding, f.SignsOfUse))).ToList(),
            visits.Select(v => v.CrossingPointCode).ToList(), disbursed, nowUtc, upkeep);
    }
}

public sealed record GrantReport(GrantResponse Grant, GrantFigures Figures);
