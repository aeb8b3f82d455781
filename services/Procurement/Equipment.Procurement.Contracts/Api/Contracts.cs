namespace Equipment.Procurement.Contracts.Api;

/// <summary><c>POST /tenders/{tenderId}/lots/{lotNumber}/contract</c>: the contract for an awarded lot.</summary>
public sealed record DraftContractRequest(string Reference, int? WarrantyMonths);

/// <summary><c>POST /contracts/{contractId}/signature</c>.</summary>
public sealed record SignContractRequest(DateOnly? SignedOn);

/// <summary>What an amendment changes on one contract line.</summary>
public sealed record LineAmendment(int LineNumber, int? Quantity, DateOnly? DeliveryDeadline);

/// <summary><c>POST /contracts/{contractId}/amendments</c>: quantities or dates (versions kept).</summary>
public sealed record AmendContractRequest(string Reason, DateOnly? AmendedOn, IReadOnlyList<LineAmendment>? Lines);

public sealed record ContractLine(
    int LineNumber, Guid RequisitionId, string BudgetLineCode, string ItemCategory, string Description, int Quantity, decimal UnitPrice,
    string CountryOfOrigin, string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly DeliveryDeadline, int WarrantyMonths);

/// <summary>The contract as it stood before an amendment: its version number, and what changed it.</summary>
public sealed record ContractVersionResponse(int Version, DateOnly AmendedOn, string Reason, DateTime RecordedAt, IReadOnlyList<ContractLine> Lines);

public sealed record ContractResponse(
    Guid Id, string Reference, Guid TenderId, int LotNumber, Guid GrantId, string DonorCode, Guid SupplierId, string SupplierName, string SupplierCountry,
    string Currency, ContractStatus Status, DateOnly? SignedOn, int Version, decimal TotalValue, IReadOnlyList<ContractLine> Lines,
    IReadOnlyList<ContractVersionResponse> PreviousVersions);
