using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Locations;

/// <summary>Where assets can be: the implementing partner's warehouses, and the crossing points agreed in the grants.</summary>
public static class ListLocations
{
    public sealed record Query(string? DonorScope) : IRequest<LocationsResponse>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, LocationsResponse>
    {
        public async Task<LocationsResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var warehouses = await db.Warehouses.AsNoTracking().OrderBy(w => w.Code).ToListAsync(cancellationToken);
            var grants = await db.KnownGrants.AsNoTracking().Where(g => query.DonorScope == null || g.DonorCode == query.DonorScope)
                .OrderBy(g => g.Reference).ToListAsync(cancellationToken);
            return new LocationsResponse(warehouses.Select(WarehouseResponse.From).ToList(),
                grants.SelectMany(g => g.CrossingPoints.Select(p => new CrossingPointResponse(g.GrantId, g.Reference, p))).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/locations", (IMediator mediator, CurrentUser user, CancellationToken ct) => mediator.Send(new Query(user.DonorScope), ct))
            .WithName("ListLocations");
}
