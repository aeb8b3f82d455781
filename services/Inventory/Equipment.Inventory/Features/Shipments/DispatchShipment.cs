using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Shipments;

/// <summary>Records a shipment the supplier dispatched: waybill, carrier, ETA and the contract lines it carries (partial shipments allowed).</summary>
public static class DispatchShipment
{
    public sealed record Command(string WaybillNumber, string Carrier, DateOnly? DispatchedOn, DateOnly? EstimatedArrival, IReadOnlyList<DispatchShipmentLine>? Lines) : IRequest<ShipmentResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WaybillNumber).NotEmpty().MaximumLength(80);
            RuleFor(c => c.Carrier).NotEmpty().MaximumLength(200);
            RuleFor(c => c.DispatchedOn).NotNull();
            RuleFor(c => c.EstimatedArrival).NotNull();
            RuleFor(c => c.Lines).NotEmpty();
            RuleForEach(c => c.Lines).ChildRules(l =>
            {
                l.RuleFor(x => x.ExpectedDeliveryId).NotNull();
                l.RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, 100_000);
            });
        }
    }

    public sealed class Handler(InventoryDbContext db) : IRequestHandler<Command, ShipmentResponse>
    {
        public async Task<ShipmentResponse> Handle(Command c, CancellationToken cancellationToken)
        {
            if (await db.Shipments.AnyAsync(s => s.WaybillNumber == c.WaybillNumber, cancellationToken))
                throw new ConflictException($"Waybill {c.WaybillNumber} is already recorded.", "UniqueWaybill");
            var ids = c.Lines!.Select(l => l.ExpectedDeliveryId!.Value).ToList();
            var deliveries = await db.ExpectedDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var lines = new List<(ExpectedDelivery, int)>();
            for (var i = 0; i < c.Lines!.Count; i++)
            {
                if (!deliveries.TryGetValue(c.Lines[i].ExpectedDeliveryId!.Value, out var delivery))
                    throw new RuleViolationException($"lines[{i}].expectedDeliveryId", "ExpectedDelivery", $"No expected delivery {c.Lines[i].ExpectedDeliveryId}.");
                lines.Add((delivery, c.Lines[i].Quantity!.Value));
            }
            var shipment = Shipment.Dispatch(c.WaybillNumber, c.Carrier, c.DispatchedOn!.Value, c.EstimatedArrival!.Value, lines);
            db.Shipments.Add(shipment);
            await db.SaveChangesAsync(cancellationToken);
            return ShipmentResponse.From(shipment);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/shipments", async (DispatchShipmentRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var shipment = await mediator.Send(new Command(body.WaybillNumber, body.Carrier, body.DispatchedOn, body.EstimatedArrival, body.Lines), ct);
                return TypedResults.Created($"/api/inventory/shipments/{shipment.Id}", shipment);
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("DispatchShipment");
}
