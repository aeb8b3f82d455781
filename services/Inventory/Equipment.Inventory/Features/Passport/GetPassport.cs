using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Assets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Passport;

/// <summary>
/// The equipment passport: one timeline of an asset, from the tender and contract through delivery, acceptance, handover,
/// deployments and transfers, to maintenance status changes and verification findings (from their events).
/// </summary>
public static class GetPassport
{
    public sealed record Query(Guid AssetId, string? DonorScope) : IRequest<PassportResponse>;

    public sealed class Handler(InventoryDbContext db, TimeProvider clock) : IRequestHandler<Query, PassportResponse>
    {
        public async Task<PassportResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var asset = await db.VisibleAssetAsync(query.AssetId, query.DonorScope, cancellationToken);
            var delivery = await db.ExpectedDeliveries.AsNoTracking().SingleAsync(d => d.Id == asset.ExpectedDeliveryId, cancellationToken);
            var note = await db.GoodsReceivedNotes.AsNoTracking().SingleAsync(n => n.Id == asset.GoodsReceivedNoteId, cancellationToken);
            var shipment = await db.Shipments.AsNoTracking().SingleAsync(s => s.Id == note.ShipmentId, cancellationToken);
            var custody = await db.CustodyLog.AsNoTracking().Where(c => c.AssetId == asset.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var notes = await db.AssetNotes.AsNoTracking().Where(n => n.AssetId == asset.Id).OrderBy(n => n.At).ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

            var timeline = new List<PassportEntry>
            {
                new(delivery.ContractSignedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "procurement", "ContractSigned",
                    $"Contract {delivery.ContractReference} line {delivery.ContractLineNumber} signed with {delivery.SupplierName}: {delivery.QuantityExpected} × {delivery.Description} at {delivery.UnitPrice:N2} {delivery.Currency}"),
                new(shipment.DispatchedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "inventory", "Dispatched", $"Waybill {shipment.WaybillNumber} ({shipment.Carrier})"),
                new(shipment.ArrivedOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "inventory", "Arrived", $"At warehouse {shipment.WarehouseCode}"),
            };
            timeline.AddRange(custody.Select(c => new PassportEntry(c.On.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "inventory", c.Action.ToString(),
                $"{c.From} → {(c.To.Length > 0 ? c.To : "out of inventory")}: {c.Why}{(c.Reference is null ? "" : $" [{c.Reference}]")} (by {c.By})")));
            if (asset.AcceptanceOn(today) is { } accepted)
                timeline.Add(new PassportEntry(accepted.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "inventory", "Accepted",
                    asset.AcceptedOn is null ? $"Deemed accepted {asset.DeemedAcceptanceDays} days after receipt" : $"Accepted under {note.Number}"));
            timeline.AddRange(notes.Select(n => new PassportEntry(n.At, n.Source, n.Kind, n.Detail)));
            if (asset.DeploymentDeviationReason is { } deviation && custody.FirstOrDefault(c => c.Action == CustodyAction.Deployed) is { } deployment)
                timeline.Add(new PassportEntry(deployment.On.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "inventory", "Deviation",
                    $"Deployed at {asset.CrossingPointCode ?? deployment.To} instead of the contract line's destination {asset.DestinationCrossingPointCode}: {deviation}"));

            return new PassportResponse(AssetResponse.From(asset, today), delivery.TenderId, delivery.ContractReference,
                timeline.OrderBy(t => t.At).ThenBy(t => Order(t.Kind)).ToList(), asset.GoodsReceivedNoteId);
        }

        private static int Order(string kind) => kind switch { "ContractSigned" => 0, "Dispatched" => 1, "Arrived" => 2, "Received" => 3, "Accepted" => 4, "Deviation" => 6, _ => 5 };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}/passport", (Guid assetId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(assetId, user.DonorScope), ct))
            .WithName("GetPassport");
}
