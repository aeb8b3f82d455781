namespace Equipment.Procurement.Contracts.Api;

/// <summary>A PRAG procedure and the estimated value from which it applies.</summary>
public sealed record ProcedureRule(Procedure Procedure, decimal FromValue, int MinimumSubmissionDays, int MinimumInvitedSuppliers)
{
    public bool IsOpen => MinimumInvitedSuppliers == 0;

    public int Strictness => Procedure switch
    {
        Procedure.InternationalOpenTender => 3, Procedure.LocalOpenProcedure => 2, Procedure.CompetitiveNegotiatedProcedure => 1, _ => 0,
    };
}

public sealed record ItemCategoryResponse(string Code, string Name);

/// <summary><c>GET /reference-data</c>: item categories and the PRAG rule set in force.</summary>
public sealed record ReferenceDataResponse(IReadOnlyList<ItemCategoryResponse> ItemCategories, string RuleSetEdition, DateOnly EffectiveFrom, IReadOnlyList<ProcedureRule> Procedures);

/// <summary>A grant procurement knows, with committed and available amounts per budget line.</summary>
public sealed record KnownGrantResponse(
    Guid GrantId, string Reference, string Title, string DonorCode, decimal Amount, IReadOnlyList<string> CrossingPointCodes,
    IReadOnlyList<string> EligibleNationalities, IReadOnlyList<BudgetLineResponse> BudgetLines);

public sealed record BudgetLineResponse(string Code, string Description, decimal Amount, decimal Committed, decimal Available);

/// <summary><c>POST /suppliers</c>.</summary>
public sealed record RegisterSupplierRequest(string LegalName, string CountryOfEstablishment, string RegistrationNumber, string ContactName, string ContactEmail,
    string? ContactPhone = null);

public sealed record SupplierResponse(Guid Id, string LegalName, string CountryOfEstablishment, string RegistrationNumber, string ContactName, string ContactEmail, string? ContactPhone);

/// <summary><c>POST /requisitions</c>: a need against a budget line.</summary>
public sealed record RaiseRequisitionRequest(
    Guid? GrantId, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int? Quantity, decimal? EstimatedUnitValue,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly? RequiredBy);

public sealed record RequisitionResponse(
    Guid Id, Guid GrantId, string DonorCode, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int Quantity,
    decimal EstimatedUnitValue, decimal EstimatedValue, string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly RequiredBy,
    RequisitionStatus Status, Guid? TenderId);
