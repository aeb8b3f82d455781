namespace Equipment.Procurement.Contracts;

public static class ProcurementTopics
{
    public const string ContractSigned = "procurement.contract-signed";
}

/// <summary>A supply contract was signed: inventory expects its lines, maintenance learns warranties, reporting counts value.</summary>
public sealed record ContractSigned(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ContractId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    string SupplierName,
    string SupplierCountry,
    DateOnly SignedOn,
    string Currency,
    IReadOnlyList<ContractLineSigned> Lines);

public sealed record ContractLineSigned(
    int LineNumber,
    string ItemCategory,
    string Description,
    int Quantity,
    decimal UnitPrice,
    string DestinationCrossingPointCode,
    DateOnly DeliveryDeadline,
    int WarrantyMonths);
