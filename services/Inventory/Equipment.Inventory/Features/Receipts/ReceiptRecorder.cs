using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>
/// Records a goods received note against an arrived shipment, whether typed in or imported from CSV: the note, its
/// assets, their first custody entries, <c>inventory.delivery-received</c> per line and <c>inventory.asset-registered</c>
/// per asset, all in the caller's next SaveChanges.
/// </summary>
public sealed class ReceiptRecorder(InventoryDbContext db, TimeProvider clock, IOptions<InventoryOptions> options)
{
    /// <summary>Receipts are recorded one at a time (<see cref="Equipment.BuildingBlocks.Data.ExclusiveWrite"/>): callers enter it before <see cref="RecordAsync"/>.</summary>
    public const string ExclusiveKey = "goods-received";

    public async Task<(GoodsReceivedNote Note, IReadOnlyList<Asset> Assets)> RecordAsync(
        Guid shipmentId, DateOnly receivedOn, IReadOnlyList<ReceiptInput> lines, string by, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.FindAsync([shipmentId], cancellationToken) ?? throw new NotFoundException($"No shipment {shipmentId}.");
        var deliveryIds = shipment.Lines.Select(l => l.ExpectedDeliveryId).ToList();
        var deliveries = await db.ExpectedDeliveries.Where(d => deliveryIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var grant = await db.KnownGrants.FindAsync([shipment.GrantId], cancellationToken);

        var serials = lines.SelectMany(l => l.Units).Select(u => u.SerialNumber).Distinct().ToList();
        var taken = (await db.Assets.Where(a => serials.Contains(a.SerialNumber)).Select(a => new { a.Manufacturer, a.Model, a.SerialNumber }).ToListAsync(cancellationToken))
            .FirstOrDefault(t => lines.SelectMany(l => l.Units).Any(u => u.SerialNumber == t.SerialNumber && u.Manufacturer == t.Manufacturer && u.Model == t.Model));
        if (taken is not null)
            throw new ConflictException($"A {taken.Manufacturer} {taken.Model} with serial number '{taken.SerialNumber}' is already registered.", "UniqueSerialNumber");

        var now = clock.GetUtcNow();
        var year = receivedOn.Year;
        var count = await db.GoodsReceivedNotes.CountAsync(n => n.Number.StartsWith($"GRN-{year}-"), cancellationToken);
        var owner = grant is { ImplementingPartner.Length: > 0 } ? grant.ImplementingPartner : "Implementing partner";
        var (note, assets, custody) = GoodsReceivedNote.Record($"GRN-{year}-{count + 1:D5}", shipment, deliveries, lines, receivedOn,
            options.Value.DeemedAcceptanceDays, owner, by, now.UtcDateTime);
        db.GoodsReceivedNotes.Add(note);
        db.Assets.AddRange(assets);
        db.CustodyLog.AddRange(custody);

        foreach (var line in note.Lines)
        {
            var delivery = deliveries[shipment.Line(line.ContractLineNumber, "lines").ExpectedDeliveryId];
            db.Publish(new DeliveryReceived(note.Id, delivery.ContractId, delivery.ContractLineNumber, delivery.GrantId, delivery.DonorCode,
                note.ReceivedOn, line.AcceptedQuantity, line.RejectedQuantity) { OccurredAt = now });
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var asset in assets)
        {
            db.Publish(new AssetRegistered(asset.Id, asset.SerialNumber, asset.ItemCategory, asset.Description, asset.GrantId, asset.DonorCode,
                asset.ContractId, asset.ContractLineNumber, asset.UnitValue, asset.Currency, asset.ReceivedOn, asset.WarrantyEndsOn(today))
            {
                OccurredAt = now,
                Manufacturer = asset.Manufacturer,
                Model = asset.Model,
                SupplierName = asset.SupplierName,
                VisibilityMarking = asset.VisibilityMarking,
            });
        }
        return (note, assets);
    }
}
