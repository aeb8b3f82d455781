namespace Equipment.Inventory.Contracts.Api;

/// <summary>Where a count is made: one of the grants' agreed crossing points, or one of the implementing partner's warehouses.</summary>
public enum StockTakePlaceKind { CrossingPoint, Warehouse }

public enum StockTakeState { Open, Closed }

/// <summary>
/// What a scanned serial turned out to be: an asset registered at the place (<c>Found</c>), an asset registered elsewhere
/// or no longer in service (<c>Elsewhere</c>), or a serial the register does not know (<c>Unknown</c>).
/// </summary>
public enum ScanResult { Found, Elsewhere, Unknown }

/// <summary><c>POST /stock-takes</c>: open a count of a crossing point or warehouse (one open count per place).</summary>
public sealed record OpenStockTakeRequest(string PlaceCode);

/// <summary><c>POST /stock-takes/{id}/scans</c>: one serial, scanned or typed. Sent one at a time, so a lost connection loses at most one.</summary>
public sealed record ScanSerialRequest(string SerialNumber);

public sealed record StockTakeTally(int Found, int Missing, int Elsewhere, int Unknown);

public sealed record StockTakeResponse(
    Guid Id, string PlaceCode, StockTakePlaceKind PlaceKind, string PlaceName, StockTakeState Status,
    string OpenedBy, DateTime OpenedAt, string? ClosedBy, DateTime? ClosedAt, int ScanCount, StockTakeTally Tally);

/// <summary>
/// The answer to one scan: what it was, and the running tally. A serial already scanned in this count answers 200 with
/// <see cref="Duplicate"/> and <see cref="Warning"/> set and is not counted twice; a new scan answers 201.
/// </summary>
public sealed record ScanResponse(string SerialNumber, ScanResult Result, bool Duplicate, string? Warning, CountedAsset? Asset, StockTakeTally Tally);

/// <summary>An asset as the count sees it: where the register has it, and its status.</summary>
public sealed record CountedAsset(Guid AssetId, string SerialNumber, string Description, Guid GrantId, string DonorCode,
    AssetStatus Status, string? RegisteredLocation);

/// <summary><c>GET /stock-takes/{id}/results</c>: the four groups. Missing is computed against the register while open, frozen at closing.</summary>
public sealed record StockTakeResultsResponse(
    StockTakeResponse StockTake,
    IReadOnlyList<CountedAsset> Found,
    IReadOnlyList<CountedAsset> Missing,
    IReadOnlyList<CountedAsset> Elsewhere,
    IReadOnlyList<string> Unknown);
