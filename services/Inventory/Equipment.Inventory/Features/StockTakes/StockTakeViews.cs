using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.StockTakes;

/// <summary>What the stock-take use cases share: who may count, what is registered at a place, the tally and the four groups.</summary>
public static class StockTakeViews
{
    /// <summary>Logistics staff and technicians count; administrators read too. Monitors see missing items in donor-reporting.</summary>
    public static readonly string[] Counters = [Roles.LogisticsOfficer, Roles.MaintenanceTechnician];
    public static readonly string[] Readers = [Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.Administrator];

    public static async Task<StockTake> StockTakeAsync(this InventoryDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.StockTakes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException($"No stock-take {id}.");

    /// <summary>The assets in service that the register has at the place (deployed at the crossing point, or in the warehouse).</summary>
    public static Task<List<Asset>> RegisteredAtAsync(this InventoryDbContext db, string placeCode, CancellationToken cancellationToken) =>
        db.Assets.Where(a => (a.CrossingPointCode == placeCode || (a.CrossingPointCode == null && a.WarehouseCode == placeCode))
                && (a.Status == AssetStatus.Received || a.Status == AssetStatus.HandedOver || a.Status == AssetStatus.Deployed))
            .OrderBy(a => a.SerialNumber).ToListAsync(cancellationToken);

    public static Task<List<StockTakeScan>> ScansAsync(this InventoryDbContext db, Guid stockTakeId, CancellationToken cancellationToken) =>
        db.StockTakeScans.Where(s => s.StockTakeId == stockTakeId).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    public static async Task<StockTakeResponse> ResponseAsync(this InventoryDbContext db, StockTake take, CancellationToken cancellationToken)
    {
        var scans = await db.ScansAsync(take.Id, cancellationToken);
        var missing = take.Status == StockTakeState.Closed ? take.Missing : take.MissingFrom(await db.RegisteredAtAsync(take.PlaceCode, cancellationToken), scans);
        return Response(take, scans, missing.Count);
    }

    public static StockTakeResponse Response(StockTake t, IReadOnlyList<StockTakeScan> scans, int missing) => new(
        t.Id, t.PlaceCode, t.PlaceKind, t.PlaceName, t.Status, t.OpenedBy, t.OpenedAt, t.ClosedBy, t.ClosedAt, scans.Count,
        new StockTakeTally(scans.Count(s => s.Result == ScanResult.Found), missing, scans.Count(s => s.Result == ScanResult.Elsewhere),
            scans.Count(s => s.Result == ScanResult.Unknown)));

    public static async Task<StockTakeResultsResponse> ResultsAsync(this InventoryDbContext db, StockTake take, CancellationToken cancellationToken)
    {
        var scans = await db.ScansAsync(take.Id, cancellationToken);
        var missing = take.Status == StockTakeState.Closed ? take.Missing : take.MissingFrom(await db.RegisteredAtAsync(take.PlaceCode, cancellationToken), scans);
        return new StockTakeResultsResponse(Response(take, scans, missing.Count),
            scans.Where(s => s.Result == ScanResult.Found).Select(Counted).OrderBy(a => a.SerialNumber, StringComparer.Ordinal).ToList(),
            missing.Select(m => new CountedAsset(m.AssetId, m.SerialNumber, m.Description, m.GrantId, m.DonorCode, m.Status, m.RegisteredLocation)).ToList(),
            scans.Where(s => s.Result == ScanResult.Elsewhere).Select(Counted).OrderBy(a => a.SerialNumber, StringComparer.Ordinal).ToList(),
            scans.Where(s => s.Result == ScanResult.Unknown).Select(s => s.SerialNumber).Order(StringComparer.Ordinal).ToList());
    }

    public static CountedAsset? CountedOrNull(StockTakeScan s) => s.AssetId is null ? null : Counted(s);

    private static CountedAsset Counted(StockTakeScan s) =>
        new(s.AssetId!.Value, s.SerialNumber, s.Description ?? "", s.GrantId ?? Guid.Empty, s.DonorCode ?? "", s.AssetStatus ?? AssetStatus.Received, s.RegisteredLocation);
}
