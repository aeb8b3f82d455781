namespace Equipment.DonorReporting.Contracts.Api;

/// <summary>An agreed border crossing point: stable code, the country pair it sits between, and where it is.</summary>
public sealed record CrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude, string? Authority = null);

/// <summary>A budget line: stable code, what it is for, and its amount.</summary>
public sealed record BudgetLine(string Code, string Description, decimal Amount);

/// <summary>A result indicator of the grant's logframe, with its baseline and target; its actual value comes from the read models.</summary>
public sealed record Indicator(string Code, string Title, IndicatorSource Source, decimal Baseline, int BaselineYear, decimal Target, int TargetYear)
{
    /// <summary>Deployed assets are counted in units; the other sources are percentages.</summary>
    public IndicatorMeasure Measure => Source == IndicatorSource.AssetsDeployed ? IndicatorMeasure.Unit : IndicatorMeasure.Percentage;
}

/// <summary>A crossing point as given in a grant or an amendment.</summary>
public sealed record CrossingPointInput(string Code, string Name, string CountryCode, string NeighbourCountryCode, double? Latitude, double? Longitude, string? Authority = null);

/// <summary>A budget line as given in a grant or an amendment.</summary>
public sealed record BudgetLineInput(string Code, string Description, decimal? Amount);

/// <summary>An indicator as given in a grant or an amendment.</summary>
public sealed record IndicatorInput(string Code, string Title, IndicatorSource? Source, decimal? Baseline, int? BaselineYear, decimal? Target, int? TargetYear);

/// <summary><c>POST /grants</c>: the agreement.</summary>
public sealed record RegisterGrantRequest(
    string Reference,
    string Title,
    string DonorCode,
    FundingInstrument? Instrument,
    string ImplementingPartner,
    decimal? Amount,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<string>? BeneficiaryCountries,
    IReadOnlyList<CrossingPointInput>? CrossingPoints,
    IReadOnlyList<BudgetLineInput>? BudgetLines = null,
    IReadOnlyList<string>? EligibleNationalities = null,
    IReadOnlyList<IndicatorInput>? Indicators = null);

/// <summary><c>POST /grants/{grantId}/amendments</c>: a rider; what is given replaces what was; <c>ExpectedVersion</c> is the version being amended.</summary>
public sealed record AmendGrantRequest(
    int? ExpectedVersion, DateOnly? EffectiveOn, string Reason, string? Title = null, decimal? Amount = null, DateOnly? EndDate = null,
    string? ImplementingPartner = null, IReadOnlyList<CrossingPointInput>? CrossingPoints = null, IReadOnlyList<BudgetLineInput>? BudgetLines = null,
    IReadOnlyList<IndicatorInput>? Indicators = null, IReadOnlyList<string>? EligibleNationalities = null);

public sealed record GrantResponse(
    Guid Id, string Reference, string Title, string DonorCode, FundingInstrument Instrument, string ImplementingPartner,
    decimal Amount, string Currency, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> BeneficiaryCountries,
    IReadOnlyList<CrossingPoint> CrossingPoints, IReadOnlyList<BudgetLine> BudgetLines, IReadOnlyList<string> EligibleNationalities,
    IReadOnlyList<Indicator> Indicators, int Version);

/// <summary>One version of a grant, kept whole.</summary>
public sealed record GrantVersionResponse(int Version, DateOnly EffectiveOn, string Reason, string RecordedBy, DateTime RecordedAt, GrantResponse Agreement);

/// <summary><c>POST /grants/{grantId}/disbursements</c>: a tranche the donor paid the implementing partner.</summary>
public sealed record RecordDisbursementRequest(DateOnly? PaidOn, decimal? Amount, string? Reference);

public sealed record DisbursementResponse(Guid Id, DateOnly PaidOn, decimal Amount, string Reference);

/// <summary><c>GET /grants/{grantId}</c>: the agreement and its figures.</summary>
public sealed record GrantReport(GrantResponse Grant, GrantFigures Figures);

/// <summary>Units at each step from tender to use: tendered → contracted → delivered → handed over → deployed → operational.</summary>
public sealed record Funnel(int Tendered, int Contracted, int Delivered, int HandedOver, int Deployed, int Operational);

/// <summary>
/// Money at each step. Committed: what procedures under way tie up — per lot not cancelled, its contract value once
/// signed, else its award, else its estimate. Contracted: signed contracts at their latest amendment. Delivered:
/// the value of units accepted into inventory. Disbursed: what the donor has paid the implementing partner.
/// </summary>
public sealed record Budget(decimal Amount, decimal Committed, decimal Contracted, decimal Delivered, decimal Disbursed, string Currency);

/// <summary>Days from a tender's publication to the first deployment of each asset it bought.</summary>
public sealed record LeadTime(int Assets, double? MedianDays, double? P90Days);

/// <summary>How much of what is deployed monitors have seen, and what they last found of each asset.</summary>
public sealed record VerificationCoverage(int Deployed, int Verified, double? Coverage, int VisitsRecorded, IReadOnlyDictionary<string, int> LatestFindings);

/// <summary>Use and upkeep from maintenance: hours, kilometres and patrols logged; work orders completed, their parts cost and labour.</summary>
public sealed record Upkeep(decimal UsageHours, decimal UsageKm, int Patrols, int WorkOrdersCompleted, decimal PartsCost, decimal LabourHours);

public sealed record CrossingPointFigures(
    string Code, string Name, string CountryCode, string NeighbourCountryCode, string? Authority, double Latitude, double Longitude,
    Funnel Funnel, double? Availability, VerificationCoverage Verification);

public sealed record IndicatorResult(
    string Code, string Title, IndicatorSource Source, IndicatorMeasure Measure, decimal Baseline, int BaselineYear, decimal Target, int TargetYear, decimal? Actual);

/// <summary>An asset deployed away from its contract line's destination crossing point: a recorded deviation, with its reason.</summary>
public sealed record DeploymentDeviation(
    Guid AssetId, string? SerialNumber, string? ItemCategory, string? DestinationCrossingPointCode, string DeployedAtCrossingPointCode, DateOnly DeployedOn, string Reason);

/// <summary>
/// Mean time between failures and mean time to repair of a group of the grant's deployed assets (a model, or a crossing
/// point), in days, as maintenance computes them: the group's days in service (first deployment to today or disposal)
/// over its faults reported; the mean of its repairs' days from a fault's report to the completion of the corrective
/// work order raised for it. Null when there is no fault, or no repair, to count.
/// </summary>
public sealed record ReliabilityFigures(string Key, int Assets, int Failures, int InServiceDays, double? MtbfDays, int Repairs, double? MttrDays);

/// <summary>Reliability per model (<c>Manufacturer Model</c>, or <c>ItemCategory (model unknown)</c>) and per crossing point where each asset serves or last served.</summary>
public sealed record GrantReliability(IReadOnlyList<ReliabilityFigures> ByModel, IReadOnlyList<ReliabilityFigures> ByCrossingPoint);

public sealed record GrantFigures(
    Budget Budget, Funnel Funnel, LeadTime LeadTime, double? Availability, DateOnly AvailabilityFrom, DateOnly AvailabilityTo,
    VerificationCoverage Verification, IReadOnlyList<CrossingPointFigures> CrossingPoints, IReadOnlyList<IndicatorResult> Indicators, Upkeep Upkeep,
    int DeviationCount = 0, IReadOnlyList<DeploymentDeviation>? Deviations = null, GrantReliability? Reliability = null);
