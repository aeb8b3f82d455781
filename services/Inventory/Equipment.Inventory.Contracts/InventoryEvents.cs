namespace Equipment.Inventory.Contracts;

public static class InventoryTopics
{
    public const string DeliveryReceived = "inventory.delivery-received";
    public const string AssetRegistered = "inventory.asset-registered";
    public const string AssetDeployed = "inventory.asset-deployed";
    public const string AssetHandedOver = "inventory.asset-handed-over";
    public const string AssetTransferred = "inventory.asset-transferred";
    public const string AssetDisposed = "inventory.asset-disposed";
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
    DateOnly WarrantyEndsOn)
{
    /// <summary>v2: what the unit is, who supplied it, and whether it carries the EU visibility marking.</summary>
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? SupplierName { get; init; }
    public bool? VisibilityMarking { get; init; }
}

/// <summary>Assets were handed over to the beneficiary border authority by a handover certificate: they now belong to it.</summary>
public sealed record AssetsHandedOver(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid HandoverCertificateId,
    string CertificateNumber,
    Guid GrantId,
    string DonorCode,
    string FromParty,
    string ToAuthority,
    DateOnly HandedOverOn,
    IReadOnlyList<Guid> AssetIds);

/// <summary>A deployed asset moved from one agreed crossing point to another.</summary>
public sealed record AssetTransferred(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string FromCrossingPointCode,
    string ToCrossingPointCode,
    DateOnly TransferredOn,
    string Reason);

/// <summary>An asset left the inventory: disposed of, lost or stolen, with the reason and evidence.</summary>
public sealed record AssetDisposed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string Kind,
    DateOnly DisposedOn,
    string Reason,
    string? EvidenceReference);

/// <summary>An asset was deployed at one of its grant's agreed crossing points.</summary>
public sealed record AssetDeployed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string CrossingPointCode,
    DateOnly DeployedOn);
