namespace Equipment.Procurement.Contracts;

public static class ProcurementTopics
{
    public const string TenderPublished = "procurement.tender-published";
    public const string TenderCancelled = "procurement.tender-cancelled";
    public const string AwardDecided = "procurement.award-decided";
    public const string ContractSigned = "procurement.contract-signed";
    public const string ContractAmended = "procurement.contract-amended";
}

/// <summary>A tender was published: what is bought, for which grant, under which procedure, until when bids are received.</summary>
public sealed record TenderPublished(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TenderId,
    string Reference,
    string Title,
    Guid GrantId,
    string DonorCode,
    string Procedure,
    string RuleSetEdition,
    decimal EstimatedValue,
    string Currency,
    DateTimeOffset PublishedAt,
    DateTimeOffset SubmissionDeadline,
    IReadOnlyList<TenderLotPublished> Lots);

public sealed record TenderLotPublished(int Number, string Title, decimal EstimatedValue, IReadOnlyList<TenderLinePublished> Lines);

public sealed record TenderLinePublished(int LineNumber, string ItemCategory, int Quantity, string? DestinationCrossingPointCode, DateOnly RequiredBy);

/// <summary>A tender, or some of its lots, was cancelled with a reason.</summary>
public sealed record TenderCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TenderId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    IReadOnlyList<int> LotNumbers,
    string Reason);

/// <summary>A lot was awarded after its standstill: to whom, for how much.</summary>
public sealed record AwardDecided(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid TenderId,
    string TenderReference,
    int LotNumber,
    Guid GrantId,
    string DonorCode,
    Guid SupplierId,
    string SupplierName,
    string SupplierCountry,
    decimal Value,
    string Currency,
    DateTimeOffset DecidedAt);

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
    IReadOnlyList<ContractLineSigned> Lines)
{
    /// <summary>v2: the tender and lot the contract was awarded under.</summary>
    public Guid? TenderId { get; init; }
    public int? LotNumber { get; init; }
    public Guid? SupplierId { get; init; }
}

public sealed record ContractLineSigned(
    int LineNumber,
    string ItemCategory,
    string Description,
    int Quantity,
    decimal UnitPrice,
    string? DestinationCrossingPointCode,
    DateOnly DeliveryDeadline,
    int WarrantyMonths)
{
    /// <summary>v2: set when the line goes to a warehouse rather than a crossing point.</summary>
    public string? DestinationWarehouse { get; init; }
    public string? CountryOfOrigin { get; init; }
}

/// <summary>A signed contract was amended (quantities or delivery dates): its lines as they now stand, and its new version.</summary>
public sealed record ContractAmended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ContractId,
    string Reference,
    Guid GrantId,
    string DonorCode,
    int Version,
    DateOnly AmendedOn,
    string Reason,
    IReadOnlyList<ContractLineSigned> Lines);
