namespace Equipment.Procurement.Contracts.Api;

/// <summary>
/// A PRAG procedure and the estimated value from which it applies: from <see cref="FromValue"/> inclusive, or only above
/// it when <see cref="FromValueExclusive"/> (so the procedure below it applies up to and including that value).
/// <see cref="PragSection"/> is the section of the guide the figures come from; <see cref="PeriodRunsFrom"/> what the
/// minimum submission period is counted from. Editions recorded before these were stored have them empty.
/// </summary>
public sealed record ProcedureRule(Procedure Procedure, decimal FromValue, int MinimumSubmissionDays, int MinimumInvitedSuppliers,
    bool FromValueExclusive = false, string? PragSection = null, string? PeriodRunsFrom = null)
{
    public bool IsOpen => MinimumInvitedSuppliers == 0;

    /// <summary>Whether an estimated value reaches this rule's threshold.</summary>
    public bool Applies(decimal estimatedValue) => FromValueExclusive ? estimatedValue > FromValue : estimatedValue >= FromValue;

    public int Strictness => Procedure switch
    {
        Procedure.InternationalOpenTender => 3, Procedure.LocalOpenProcedure => 2, Procedure.CompetitiveNegotiatedProcedure => 1, _ => 0,
    };
}

public sealed record ItemCategoryResponse(string Code, string Name);

/// <summary>
/// <c>GET /reference-data[?edition=]</c>: item categories and the PRAG rule set in force (or the edition asked for): its
/// procedures with their thresholds, periods and sections, and the value up to which a purchase may simply be paid
/// against an invoice; <see cref="Editions"/> lists every edition known, oldest first. <see cref="MinimumVotingEvaluators"/>:
/// the evaluation committee the edition asks for before bids are opened (a non-voting chair and secretary and an odd
/// number, at least this many, of voting evaluators; null: none), from <see cref="EvaluationCommitteeSection"/>.
/// </summary>
public sealed record ReferenceDataResponse(IReadOnlyList<ItemCategoryResponse> ItemCategories, string RuleSetEdition, DateOnly EffectiveFrom, IReadOnlyList<ProcedureRule> Procedures,
    decimal? PaymentAgainstInvoiceUpTo = null, string? PaymentAgainstInvoiceSection = null, string? Source = null, IReadOnlyList<string>? Editions = null,
    int? MinimumVotingEvaluators = null, string? EvaluationCommitteeSection = null);

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
    RequisitionStatus Status, Guid? TenderId, DateTime RaisedAt);
