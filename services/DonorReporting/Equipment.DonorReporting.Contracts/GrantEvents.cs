namespace Equipment.DonorReporting.Contracts;

public static class ReportingTopics
{
    public const string GrantRegistered = "reporting.grant-registered";
    public const string GrantAmended = "reporting.grant-amended";
    public const string VerificationRecorded = "reporting.verification-recorded";
}

/// <summary>
/// A monitor's end-use verification visit at a crossing point, with a finding per asset seen (or not found).
/// Inventory keeps the findings in each asset's passport. Donor-reporting starts publishing it with its issue.
/// </summary>
public sealed record VerificationRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid VisitId,
    Guid GrantId,
    string CrossingPointCode,
    DateOnly VisitedOn,
    string Monitor,
    IReadOnlyList<AssetFinding> Findings);

/// <summary>What the monitor found of one asset: e.g. Present, Relocated, Unused, Missing, NoVisibilityMarking.</summary>
public sealed record AssetFinding(Guid AssetId, string Finding, string? Note);

/// <summary>A grant (action) was registered with its agreed crossing points. Procurement and inventory keep copies.</summary>
public sealed record GrantRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid GrantId,
    string Reference,
    string Title,
    string DonorCode,
    string Instrument,
    decimal Amount,
    string Currency,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> BeneficiaryCountries,
    IReadOnlyList<AgreedCrossingPoint> CrossingPoints)
{
    /// <summary>v2: the grant's budget lines; procurement commits requisitions against them. Empty from v1 publishers.</summary>
    public IReadOnlyList<GrantBudgetLine> BudgetLines { get; init; } = [];

    /// <summary>v2: nationalities (ISO codes) eligible to bid and origins eligible for goods under the grant's instrument.</summary>
    public IReadOnlyList<string> EligibleNationalities { get; init; } = [];

    /// <summary>v2: who implements the action and contracts for it (the OCDS buyer), e.g. ICMPD, IOM, Frontex.</summary>
    public string ImplementingPartner { get; init; } = "";
}

/// <summary>
/// A grant agreement was amended: the agreement as it now stands at <c>Version</c> (2 for the first amendment).
/// Crossing points and budget lines are never removed by an amendment, only added or changed. Consumers apply a
/// version only if it is newer than the one they hold, and wait for the registration if it has not arrived.
/// </summary>
public sealed record GrantAmended(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid GrantId,
    string Reference,
    string DonorCode,
    int Version,
    DateOnly EffectiveOn,
    string Reason,
    string Title,
    decimal Amount,
    string Currency,
    DateOnly EndDate,
    string ImplementingPartner,
    IReadOnlyList<AgreedCrossingPoint> CrossingPoints,
    IReadOnlyList<GrantBudgetLine> BudgetLines,
    IReadOnlyList<string> EligibleNationalities);

/// <summary>A budget line of a grant: stable code, what it is for, and its amount in the grant's currency.</summary>
public sealed record GrantBudgetLine(string Code, string Description, decimal Amount);

/// <summary>A border crossing point named in the grant agreement. <c>Code</c> is stable and unique within the grant.</summary>
public sealed record AgreedCrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude)
{
    /// <summary>v2: the border authority that runs the crossing point, e.g. "Garde nationale (TN)".</summary>
    public string? Authority { get; init; }
}
