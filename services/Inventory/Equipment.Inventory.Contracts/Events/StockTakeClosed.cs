using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts.Api;

namespace Equipment.Inventory.Contracts;

/// <summary>
/// A physical count of a crossing point or warehouse was closed: every asset it accounted for, with what it found
/// (found here, registered elsewhere but seen here, or registered here and missing). Donor-reporting keeps each asset's
/// latest count so that the donor sees the missing items of its grants.
/// </summary>
public sealed record StockTakeClosed(
    Guid StockTakeId,
    string PlaceCode,
    StockTakePlaceKind PlaceKind,
    DateOnly CountedOn,
    IReadOnlyList<StockTakeCountedAsset> Assets) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.stock-take-closed";
}

/// <summary>One asset of a closed count. <see cref="Result"/> is <c>Found</c>, <c>Elsewhere</c> or <c>Missing</c>.</summary>
public sealed record StockTakeCountedAsset(Guid AssetId, Guid GrantId, string DonorCode, string SerialNumber, string Description, StockTakeCountResult Result);

public enum StockTakeCountResult { Found, Elsewhere, Missing }
