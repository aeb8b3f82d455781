using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

/// <summary>
/// A physical count of one place (a crossing point or a warehouse): opened, serials scanned one at a time, closed.
/// Only one count of a place is open at a time (<see cref="OpenPlaceCode"/> is unique and cleared at closing). While open,
/// the missing assets are those the register has at the place that no scan found; closing freezes them, stamps the
/// last-seen date and place on every asset seen (found, and registered elsewhere: they were seen here), and is final.
/// </summary>
public sealed class StockTake
{
    private StockTake() { }

    public Guid Id { get; private set; }
    public string PlaceCode { get; private set; } = "";
    public StockTakePlaceKind PlaceKind { get; private set; }
    public string PlaceName { get; private set; } = "";
    public StockTakeState Status { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTime OpenedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>The place while the count is open, null once closed: a unique index keeps a place to one open count, whoever races.</summary>
    public string? OpenPlaceCode { get; private set; }
    /// <summary>Frozen at closing: the assets registered at the place that no scan found.</summary>
    public List<MissingAsset> Missing { get; private set; } = [];

    public static StockTake Open(string placeCode, StockTakePlaceKind kind, string placeName, string by, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        PlaceCode = placeCode,
        PlaceKind = kind,
        PlaceName = placeName,
        Status = StockTakeState.Open,
        OpenedBy = by,
        OpenedAt = nowUtc,
        OpenPlaceCode = placeCode,
    };

    /// <summary>
    /// Records one serial. <paramref name="asset"/> is the register's asset with that serial (null: unknown);
    /// a serial already scanned in this count is not counted again: the answer is null and the caller warns.
    /// </summary>
    public StockTakeScan? Scan(string serialNumber, Asset? asset, bool alreadyScanned, string by, DateTime nowUtc)
    {
        EnsureOpen("scanned into");
        var serial = serialNumber.Trim();
        if (serial.Length == 0) throw new RuleViolationException("serialNumber", "NotEmpty", "'Serial Number' must not be empty.");
        if (alreadyScanned) return null;
        var result = asset is null ? ScanResult.Unknown : asset.IsRegisteredAt(PlaceCode) ? ScanResult.Found : ScanResult.Elsewhere;
        return new StockTakeScan(Id, serial, result, asset, by, nowUtc);
    }

    /// <summary>The assets the register has here that no scan found (while open; frozen in <see cref="Missing"/> once closed).</summary>
    public IReadOnlyList<MissingAsset> MissingFrom(IEnumerable<Asset> registeredHere, IEnumerable<StockTakeScan> scans)
    {
        if (Status == StockTakeState.Closed) return Missing;
        var found = scans.Where(s => s.AssetId is not null).Select(s => s.AssetId!.Value).ToHashSet();
        return registeredHere.Where(a => a.IsRegisteredAt(PlaceCode) && !found.Contains(a.Id))
            .OrderBy(a => a.SerialNumber, StringComparer.Ordinal)
            .Select(MissingAsset.Of).ToList();
    }

    /// <summary>
    /// Closes the count: freezes the missing assets and stamps the last-seen date and place on the assets scanned
    /// (found here, or registered elsewhere but seen here: their registered place is not changed; a transfer does that).
    /// </summary>
    public void Close(IReadOnlyList<Asset> registeredHere, IReadOnlyList<StockTakeScan> scans, IReadOnlyList<Asset> scannedAssets, string by, DateTime nowUtc)
    {
        EnsureOpen("closed");
        Missing = MissingFrom(registeredHere, scans).ToList();
        Status = StockTakeState.Closed;
        OpenPlaceCode = null;
        ClosedBy = by;
        ClosedAt = nowUtc;
        var on = DateOnly.FromDateTime(nowUtc);
        foreach (var asset in scannedAssets) asset.Seen(on, PlaceCode, $"stock-take of {PlaceName} ({PlaceCode})");
    }

    private void EnsureOpen(string what)
    {
        if (Status != StockTakeState.Open)
            throw new StateConflictException($"The count of {PlaceName} ({PlaceCode}) was closed on {ClosedAt:yyyy-MM-dd HH:mm} UTC; it cannot be {what}. Open a new count.",
                Status.ToString(), [StockTakeState.Open.ToString()]);
    }
}

/// <summary>One serial scanned or typed in a count, with what the register said of it at that moment.</summary>
public sealed class StockTakeScan
{
    private StockTakeScan() { }

    internal StockTakeScan(Guid stockTakeId, string serial, ScanResult result, Asset? asset, string by, DateTime nowUtc)
    {
        StockTakeId = stockTakeId;
        SerialNumber = serial;
        Result = result;
        AssetId = asset?.Id;
        Description = asset?.Description;
        GrantId = asset?.GrantId;
        DonorCode = asset?.DonorCode;
        AssetStatus = asset?.Status;
        RegisteredLocation = asset is null ? null : asset.Location.Length > 0 ? asset.Location : null;
        ScannedBy = by;
        ScannedAt = nowUtc;
    }

    public long Id { get; private set; }
    public Guid StockTakeId { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public ScanResult Result { get; private set; }
    public Guid? AssetId { get; private set; }
    public string? Description { get; private set; }
    public Guid? GrantId { get; private set; }
    public string? DonorCode { get; private set; }
    public AssetStatus? AssetStatus { get; private set; }
    public string? RegisteredLocation { get; private set; }
    public string ScannedBy { get; private set; } = "";
    public DateTime ScannedAt { get; private set; }
}

/// <summary>An asset registered at the counted place that no scan found.</summary>
public sealed class MissingAsset
{
    public Guid AssetId { get; set; }
    public string SerialNumber { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid GrantId { get; set; }
    public string DonorCode { get; set; } = "";
    public AssetStatus Status { get; set; }
    public string? RegisteredLocation { get; set; }

    public static MissingAsset Of(Asset a) => new()
    {
        AssetId = a.Id, SerialNumber = a.SerialNumber, Description = a.Description, GrantId = a.GrantId, DonorCode = a.DonorCode,
        Status = a.Status, RegisteredLocation = a.Location,
    };
}
