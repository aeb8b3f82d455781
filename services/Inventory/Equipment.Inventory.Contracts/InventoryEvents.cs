namespace Equipment.Inventory.Contracts;

public static class InventoryTopics
{
    public const string DeliveryReceived = "inventory.delivery-received";
    public const string AssetRegistered = "inventory.asset-registered";
    public const string AssetDeployed = "inventory.asset-deployed";
}

/// <summary>Goods were received against a contract line (a goods received note).</summary>
public sealed record DeliveryReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid GoodsReceivedNoteId,
    Guid ContractId,
    int ContractLineNumber,
    Guid GrantId,
    string DonorCode,
    DateOnly ReceivedOn,
    int AcceptedQuantity,
    int RejectedQuantity);

/// <summary>A received unit was registered as an asset with its serial number.</summary>
public sealed record AssetRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
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
    DateOnly WarrantyEndsOn);

/// <summary>An asset was deployed at one of its grant's agreed crossing points.</summary>
public sealed record AssetDeployed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string CrossingPointCode,
    DateOnly DeployedOn);
