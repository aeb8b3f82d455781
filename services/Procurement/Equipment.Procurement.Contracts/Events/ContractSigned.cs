using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Procurement.Contracts;

/// <summary>A supply contract was signed: inventory expects its lines, maintenance learns warranties, reporting counts value.</summary>
public sealed record ContractSigned(
    Guid ContractId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    string SupplierName,
    string SupplierCountry,
    DateOnly SignedOn,
    string Currency,
    IReadOnlyList<ContractLineSigned> Lines) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "procurement.contract-signed";

    /// <summary>v2: the tender and lot the contract was awarded under.</summary>
    public Guid? TenderId { get; init; }
    public int? LotNumber { get; init; }
    public Guid? SupplierId { get; init; }

    /// <summary>v3: the tender's reference, for those who find the contract's goods by it (inventory's search).</summary>
    public string? TenderReference { get; init; }
}
