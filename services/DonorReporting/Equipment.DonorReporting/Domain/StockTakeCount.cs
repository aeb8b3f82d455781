namespace Equipment.DonorReporting.Domain;

/// <summary>
/// Reporting's copy of an asset's latest physical count (inventory's <c>inventory.stock-take-closed</c>): found, seen
/// away from its registered place, or missing. Counts arrive in any order; the latest closed count wins, an older one
/// arriving late changes nothing.
/// </summary>
public sealed class StockTakeCount
{
    private StockTakeCount() { }

    public StockTakeCount(Guid assetId, Guid grantId, string donorCode) => (AssetId, GrantId, DonorCode) = (assetId, grantId, donorCode);

    public Guid AssetId { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string SerialNumber { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string PlaceCode { get; private set; } = "";
    public string Result { get; private set; } = "";
    public DateOnly CountedOn { get; private set; }
    public DateTime ClosedAt { get; private set; }
    public Guid StockTakeId { get; private set; }

    public bool Missing => Result == "Missing";

    /// <summary>Takes the count unless a later one is already kept (ties broken by the count's id, so any order gives the same copy).</summary>
    public void Counted(Guid stockTakeId, DateTime closedAt, DateOnly countedOn, string placeCode, string result, string serialNumber, string description)
    {
        if (StockTakeId != Guid.Empty && (closedAt < ClosedAt || (closedAt == ClosedAt && stockTakeId.CompareTo(StockTakeId) <= 0))) return;
        StockTakeId = stockTakeId;
        ClosedAt = closedAt;
        CountedOn = countedOn;
        PlaceCode = placeCode;
        Result = result;
        SerialNumber = serialNumber;
        Description = description;
    }
}
