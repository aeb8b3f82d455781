using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
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
                Entry(delivery.ContractSignedOn, "procurement", "ContractSigned", PassportWords.ContractSigned(delivery)),
                Entry(shipment.DispatchedOn, "inventory", "Dispatched", PassportWords.Dispatched(shipment)),
                Entry(shipment.ArrivedOn!.Value, "inventory", "Arrived", PassportWords.Arrived(shipment)),
            };
            timeline.AddRange(custody.Select(c => Entry(c.On, "inventory", c.Action.ToString(), PassportWords.Custody(c))));
            if (asset.AcceptanceOn(today) is { } accepted)
                timeline.Add(Entry(accepted, "inventory", "Accepted",
                    asset.AcceptedOn is null ? PassportWords.DeemedAccepted(asset.DeemedAcceptanceDays) : PassportWords.Accepted(note.Number)));
            timeline.AddRange(notes.Select(n => new PassportEntry(n.At, n.Source, n.Kind, n.Detail, n.DetailWords)));
            // Where it was deployed (the deployment's crossing point, by name and code), not where it is now: it may have been transferred since.
            if (asset.DeploymentDeviationReason is { } deviation && custody.FirstOrDefault(c => c.Action == CustodyAction.Deployed) is { } deployment)
                timeline.Add(Entry(deployment.On, "inventory", "Deviation",
                    PassportWords.Deviation(deployment.To, asset.DestinationCrossingPointCode, deviation)));

            return new PassportResponse(AssetResponse.From(asset, today), delivery.TenderId, delivery.ContractReference,
                timeline.OrderBy(t => t.At).ThenBy(t => Order(t.Kind)).ToList(), asset.GoodsReceivedNoteId);
        }

        private static PassportEntry Entry(DateOnly on, string source, string kind, Words detail) =>
            new(on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), source, kind, detail.Text, detail);

        private static int Order(string kind) => kind switch { "ContractSigned" => 0, "Dispatched" => 1, "Arrived" => 2, "Received" => 3, "Accepted" => 4, "Deviation" => 6, _ => 5 };
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/{assetId:guid}/passport", (Guid assetId, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(assetId, user.DonorScope), ct))
            .WithName("GetPassport");
}
