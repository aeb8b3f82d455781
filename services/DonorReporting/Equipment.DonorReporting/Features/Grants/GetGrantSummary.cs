using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Grants;

/// <summary>Where the grant's money went: contracts signed, assets registered, and assets deployed per agreed crossing point.</summary>
public static class GetGrantSummary
{
    public sealed record Query(Guid GrantId, string? DonorScope) : IRequest<GrantSummary>;

    public sealed class Handler(ReportingDbContext db) : IRequestHandler<Query, GrantSummary>
    {
        public async Task<GrantSummary> Handle(Query query, CancellationToken cancellationToken)
        {
            var grant = await db.FindVisibleGrantAsync(query.GrantId, query.DonorScope, cancellationToken);

            var contracts = await db.SignedContracts.AsNoTracking()
                .Where(c => c.GrantId == grant.Id)
                .GroupBy(c => 1)
                .Select(g => new { Count = g.Count(), Value = g.Sum(c => (double)c.Value), Units = g.Sum(c => c.Units) })
                .SingleOrDefaultAsync(cancellationToken);
            var assets = db.TrackedAssets.AsNoTracking().Where(a => a.GrantId == grant.Id);
            var registered = await assets.CountAsync(cancellationToken);
            var deployedAt = await assets
                .Where(a => a.CrossingPointCode != null)
                .GroupBy(a => a.CrossingPointCode!)
                .Select(g => new { Code = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Code, x => x.Count, cancellationToken);

            return new GrantSummary(
                grant.Id, grant.Reference, grant.Title, grant.DonorCode, grant.Amount, grant.Currency,
                contracts?.Count ?? 0, (decimal)(contracts?.Value ?? 0), contracts?.Units ?? 0,
                registered, deployedAt.Values.Sum(),
                grant.CrossingPoints
                    .Select(p => new CrossingPointSummary(p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode, deployedAt.GetValueOrDefault(p.Code)))
                    .ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/summary", (Guid grantId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(grantId, user.DonorScope), ct))
            .WithName("GetGrantSummary");
}

public sealed record GrantSummary(
    Guid GrantId, string Reference, string Title, string DonorCode, decimal Amount, string Currency,
    int ContractsSigned, decimal ContractedValue, int ContractedUnits,
    int AssetsRegistered, int AssetsDeployed,
    IReadOnlyList<CrossingPointSummary> CrossingPoints);

public sealed record CrossingPointSummary(string Code, string Name, string CountryCode, string NeighbourCountryCode, int AssetsDeployed);
