using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>A received unit was registered as an asset with its serial number.</summary>
public sealed record AssetRegistered(
    Guid AssetId,
    string SerialNumber,
    string ItemCategory,
    string Description,
    Guid GrantId,
    string DonorCode,
    Guid ContractId,
    int ContractLineNumber,
    decimal UnitValue,
    string Currency,
    DateOnly ReceivedOn,
    DateOnly WarrantyEndsOn) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.asset-registered";

    /// <summary>v2: what the unit is, who supplied it, and whether it carries the EU visibility marking.</summary>
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? SupplierName { get; init; }
    public bool? VisibilityMarking { get; init; }
}
