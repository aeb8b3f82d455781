namespace Equipment.ApiClient;

/// <summary><c>/api/reporting</c>: donors, grants and their agreed crossing points, grant summaries.</summary>
public sealed class ReportingClient(HttpClient http) : ApiClientBase(http)
{
    public Task<Donor> RegisterDonorAsync(Donor donor, CancellationToken cancellationToken = default) =>
        PostAsync<Donor>("api/reporting/donors", donor, cancellationToken);

    public Task<IReadOnlyList<Donor>> ListDonorsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Donor>>("api/reporting/donors", cancellationToken);

    public Task<Grant> RegisterGrantAsync(NewGrant grant, CancellationToken cancellationToken = default) =>
        PostAsync<Grant>("api/reporting/grants", grant, cancellationToken);

    public Task<Page<Grant>> ListGrantsAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Grant>>("api/reporting/grants" + Query(("page", page), ("pageSize", pageSize)), cancellationToken);

    /// <summary>The grant and its figures: budget, funnel, lead time, availability, verification coverage, indicators.</summary>
    public Task<GrantReport> GetGrantAsync(Guid grantId, CancellationToken cancellationToken = default) =>
        GetAsync<GrantReport>($"api/reporting/grants/{grantId}", cancellationToken);

    public Task<Grant> AmendGrantAsync(Guid grantId, GrantAmendment amendment, CancellationToken cancellationToken = default) =>
        PostAsync<Grant>($"api/reporting/grants/{grantId}/amendments", amendment, cancellationToken);

    public Task<Disbursement> RecordDisbursementAsync(Guid grantId, DateOnly paidOn, decimal amount, string reference, CancellationToken cancellationToken = default) =>
        PostAsync<Disbursement>($"api/reporting/grants/{grantId}/disbursements", new { paidOn, amount, reference }, cancellationToken);

    public Task<Visit> GetVisitAsync(Guid visitId, CancellationToken cancellationToken = default) =>
        GetAsync<Visit>($"api/reporting/visits/{visitId}", cancellationToken);

    public Task<IReadOnlyList<Visit>> ListVisitsAsync(Guid grantId, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Visit>>($"api/reporting/grants/{grantId}/visits", cancellationToken);

    public Task<Visit> PlanVisitAsync(Guid grantId, string? crossingPointCode, DateOnly plannedFor, int sampleSize, int? seed = null, CancellationToken cancellationToken = default) =>
        PostAsync<Visit>($"api/reporting/grants/{grantId}/visits", new { crossingPointCode, plannedFor, sampleSize, seed }, cancellationToken);

    public Task<Visit> RecordVisitAsync(Guid visitId, DateOnly visitedOn, IReadOnlyList<Observation> findings, IReadOnlyList<FollowUp>? followUps = null, CancellationToken cancellationToken = default) =>
        PostAsync<Visit>($"api/reporting/visits/{visitId}/findings", new { visitedOn, findings, followUps }, cancellationToken);
}

public sealed record Visit(Guid Id, Guid GrantId, string? CrossingPointCode, DateOnly PlannedFor, int Seed, IReadOnlyList<Guid> SampledAssetIds, string Status)
{
    public DateOnly? VisitedOn { get; init; }
    public string? Monitor { get; init; }
    public IReadOnlyList<Observation> Findings { get; init; } = [];
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];
}

public sealed record Observation(Guid AssetId, string Finding, bool SignsOfUse, bool VisibilityMarking, string? PhotoReference, double? Latitude, double? Longitude,
    DateTime ObservedAt, string? Note = null);

public sealed record FollowUp(string Action, string Owner, DateOnly DueOn);

public sealed record Donor(string Code, string Name, string? IatiOrganisationId = null, string? IatiOrganisationType = null);

public sealed record CrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude, string? Authority = null);

public sealed record NewGrant(
    string Reference, string Title, string DonorCode, string Instrument, string ImplementingPartner, decimal Amount,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> BeneficiaryCountries, IReadOnlyList<CrossingPoint> CrossingPoints,
    IReadOnlyList<BudgetLine>? BudgetLines = null, IReadOnlyList<string>? EligibleNationalities = null, IReadOnlyList<Indicator>? Indicators = null);

/// <summary>A result indicator: <c>Source</c> is AssetsDeployed, VerifiedInUse, Availability or VerificationCoverage.</summary>
public sealed record Indicator(string Code, string Title, string Source, decimal Baseline, int BaselineYear, decimal Target, int TargetYear);

/// <summary>An amendment: what is given replaces what was; <c>ExpectedVersion</c> is the version being amended.</summary>
public sealed record GrantAmendment(
    int ExpectedVersion, DateOnly EffectiveOn, string Reason, string? Title = null, decimal? Amount = null, DateOnly? EndDate = null,
    string? ImplementingPartner = null, IReadOnlyList<CrossingPoint>? CrossingPoints = null, IReadOnlyList<BudgetLine>? BudgetLines = null,
    IReadOnlyList<Indicator>? Indicators = null);

public sealed record Disbursement(Guid Id, DateOnly PaidOn, decimal Amount, string Reference);

public sealed record BudgetLine(string Code, string Description, decimal Amount);

public sealed record Grant(
    Guid Id, string Reference, string Title, string DonorCode, string Instrument, string ImplementingPartner, decimal Amount,
    string Currency, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> BeneficiaryCountries, IReadOnlyList<CrossingPoint> CrossingPoints,
    IReadOnlyList<BudgetLine> BudgetLines, IReadOnlyList<string> EligibleNationalities, IReadOnlyList<Indicator> Indicators, int Version);

public sealed record GrantReport(Grant Grant, GrantFigures Figures);

public sealed record GrantFigures(
    Budget Budget, Funnel Funnel, LeadTime LeadTime, double? Availability, DateOnly AvailabilityFrom, DateOnly AvailabilityTo,
    VerificationCoverage Verification, IReadOnlyList<CrossingPointFigures> CrossingPoints, IReadOnlyList<IndicatorResult> Indicators, Upkeep? Upkeep = null);

public sealed record Upkeep(decimal UsageHours, decimal UsageKm, int Patrols, int WorkOrdersCompleted, decimal PartsCost, decimal LabourHours);

public sealed record Budget(decimal Amount, decimal Committed, decimal Contracted, decimal Delivered, decimal Disbursed, string Currency);

public sealed record Funnel(int Tendered, int Contracted, int Delivered, int HandedOver, int Deployed, int Operational);

public sealed record LeadTime(int Assets, double? MedianDays, double? P90Days);

public sealed record VerificationCoverage(int Deployed, int Verified, double? Coverage, int VisitsRecorded, IReadOnlyDictionary<string, int> LatestFindings);

public sealed record CrossingPointFigures(
    string Code, string Name, string CountryCode, string NeighbourCountryCode, string? Authority, double Latitude, double Longitude,
    Funnel Funnel, double? Availability, VerificationCoverage Verification);

public sealed record IndicatorResult(
    string Code, string Title, string Source, string Measure, decimal Baseline, int BaselineYear, decimal Target, int TargetYear, decimal? Actual);
