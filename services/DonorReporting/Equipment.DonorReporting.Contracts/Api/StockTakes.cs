namespace Equipment.DonorReporting.Contracts.Api;

/// <summary>
/// <c>GET /grants/{id}/missing-items</c>: an asset of the grant that the latest physical count of its place (a stock-take
/// in inventory) did not find, for follow-up. A later count that finds it takes it off the list.
/// </summary>
public sealed record MissingItemResponse(Guid AssetId, string SerialNumber, string Description, string PlaceCode, DateOnly CountedOn, Guid StockTakeId);
