using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Shipments;

/// <summary>Moves a shipment along: in transit, then arrived at one of the implementing partner's warehouses.</summary>
public static class TrackShipment
{
    public sealed record Command(Guid ShipmentId, bool Arrived, DateOnly? ArrivedOn, string? WarehouseCode) : IRequest<ShipmentResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ArrivedOn).NotNull().When(c => c.Arrived);
            RuleFor(c => c.WarehouseCode).NotEmpty().When(c => c.Arrived);
        }
    }

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Command, ShipmentResponse>
    {
        public async Task<ShipmentResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            var shipment = await db.Shipments.FindAsync([c.ShipmentId], cancellationToken) ?? throw new NotFoundException($"No shipment {c.ShipmentId}.");
            if (!c.Arrived) shipment.MarkInTransit();
            else
            {
                if (!await db.Warehouses.AnyAsync(w => w.Code == c.WarehouseCode, cancellationToken))
                    throw new RuleViolationException("warehouseCode", "RegisteredWarehouse", $"No warehouse '{c.WarehouseCode}' is registered.");
                shipment.Arrive(c.ArrivedOn!.Value, c.WarehouseCode!);
            }
            await db.SaveChangesAsync(cancellationToken);
            return ShipmentResponse.From(shipment);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/shipments/{shipmentId:guid}/transit", (Guid shipmentId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(shipmentId, false, null, null), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<Shipment>("shipmentId")
            .WithName("MarkShipmentInTransit");
        api.MapPost("/shipments/{shipmentId:guid}/arrival", (Guid shipmentId, RecordArrivalRequest body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new Command(shipmentId, true, body.ArrivedOn, body.WarehouseCode), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithEntityTag<Shipment>("shipmentId")
            .WithName("RecordShipmentArrival");
    }
}
