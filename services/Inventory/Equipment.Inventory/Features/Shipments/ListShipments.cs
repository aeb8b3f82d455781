using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Shipments;

public static class ListShipments
{
    public sealed record Query(string? DonorScope, Guid? ContractId) : IRequest<IReadOnlyList<ShipmentResponse>>;

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Query, IReadOnlyList<ShipmentResponse>>
    {
        public async Task<IReadOnlyList<ShipmentResponse>> Handle(Query query, CancellationToken cancellationToken) =>
            (await db.Shipments.AsNoTracking()
                .Where(s => query.DonorScope == null || s.DonorCode == query.DonorScope)
                .Where(s => query.ContractId == null || s.ContractId == query.ContractId)
                .OrderByDescending(s => s.DispatchedOn).Take(500)
                .ToListAsync(cancellationToken)).Select(ShipmentResponse.From).ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/shipments", (Guid? contractId, IMediator mediator, CurrentUser user, CancellationToken ct) => mediator.Send(new Query(user.DonorScope, contractId), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithName("ListShipments");

        api.MapGet("/shipments/{shipmentId:guid}", async (Guid shipmentId, InventoryDbContext db, CurrentUser user, CancellationToken ct) =>
                ShipmentResponse.From(await db.Shipments.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.Id == shipmentId && (user.DonorScope == null || s.DonorCode == user.DonorScope), ct)
                    ?? throw new NotFoundException($"No shipment {shipmentId}.")))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithEntityTag<Shipment>("shipmentId")
            .WithName("GetShipment");
    }
}
