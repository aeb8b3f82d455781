using Equipment.ApiClient;
using Equipment.Inventory.Contracts.Api;

namespace Equipment.AppHost;

/// <summary>How many units of a contract line arrive, how many are accepted and rejected, and what they are.</summary>
public sealed record Arrival(int ContractLineNumber, int Accepted, int Rejected, string Manufacturer, string Model, string SerialPrefix,
    bool VisibilityMarking = true, string? RejectionReason = null);

/// <summary>The logistics steps through the public API: a shipment under a waybill, its arrival, the goods received note, the handover.</summary>
public static class InventoryRun
{
    public static async Task<IReadOnlyList<AssetResponse>> ShipAndReceiveAsync(
        EquipmentApi logistics, IReadOnlyList<ExpectedDeliveryResponse> lines, IReadOnlyList<Arrival> arrivals, string waybill, string carrier, string warehouse,
        DateOnly dispatchedOn, DateOnly receivedOn, CancellationToken cancellationToken = default)
    {
        var shipped = arrivals.Select(a => (Line: lines.Single(l => l.ContractLineNumber == a.ContractLineNumber), Arrival: a)).ToList();
        var shipment = await logistics.Inventory.DispatchAsync(new DispatchShipmentRequest(waybill, carrier, dispatchedOn, receivedOn,
            shipped.Select(s => new DispatchShipmentLine(s.Line.Id, s.Arrival.Accepted + s.Arrival.Rejected)).ToList()), cancellationToken);
        await logistics.Inventory.MarkInTransitAsync(shipment.Id, cancellationToken);
        await logistics.Inventory.ArriveAsync(shipment.Id, new RecordArrivalRequest(receivedOn, warehouse), cancellationToken);
        var receipt = await logistics.Inventory.ReceiveAsync(shipment.Id, new ReceiveGoodsRequest(receivedOn, shipped.Select(s => new GoodsReceiptLine(
            s.Arrival.ContractLineNumber,
            Enumerable.Range(1, s.Arrival.Accepted).Select(i => new GoodsReceiptUnit($"{s.Arrival.SerialPrefix}-{i:D4}", s.Arrival.Manufacturer, s.Arrival.Model,
                s.Arrival.VisibilityMarking, s.Arrival.VisibilityMarking ? $"photo/{waybill}/{s.Arrival.SerialPrefix}-{i:D4}.jpg" : null)).ToList(),
            s.Arrival.Rejected, s.Arrival.RejectionReason)).ToList()), cancellationToken);
        return receipt.Assets;
    }

    public static Task<HandoverResponse> HandOverAsync(EquipmentApi logistics, IReadOnlyList<AssetResponse> assets, DateOnly on, string place, string authority,
        Representative from, Representative to, CancellationToken cancellationToken = default) =>
        logistics.Inventory.HandOverAsync(new HandOverAssetsRequest(on, place, from, authority, to, assets.Select(a => a.Id).ToList()), cancellationToken);
}
