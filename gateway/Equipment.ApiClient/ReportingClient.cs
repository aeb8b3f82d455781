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

    public Task<Grant> GetGrantAsync(Guid grantId, CancellationToken cancellationToken = default) =>
        GetAsync<Grant>($"api/reporting/grants/{grantId}", cancellationToken);

    public Task<GrantSummary> GetGrantSummaryAsync(Guid grantId, CancellationToken cancellationToken = default) =>
        GetAsync<GrantSummary>($"api/reporting/grants/{grantId}/summary", cancellationToken);

    public Task<Visit> PlanVisitAsync(Guid grantId, string? crossingPointCode, DateOnly plannedFor, int sampleSize, int? seed = null, CancellationToken cancellationToken = default) =>
        PostAsync<Visit>($"api/reporting/grants/{grantId}/visits", new { crossingPointCode, plannedFor, sampleSize, seed }, cancellationToken);

    public Task<Visit> RecordVisitAsync(Guid visitId, DateOnly visitedOn, IReadOnlyList<Observation> findings, IReadOnlyList<FollowUp>? followUps = null, CancellationToken cancellationToken = default) =>
        PostAsync<Visit>($"api/reporting/visits/{visitId}/findings", new { visitedOn, findings, followUps }, cancellationToken);
}

public sealed record Visit(Guid Id, Guid GrantId, string? CrossingPointCode, DateOnly PlannedFor, int Seed, IReadOnlyList<Guid> SampledAssetIds, string Status);

public sealed record Observation(Guid AssetId, string Finding, bool SignsOfUse, bool VisibilityMarking, string? PhotoReference, double? Latitude, double? Longitude,
    DateTime ObservedAt, string? Note = null);

public sealed record FollowUp(string Action, string Owner, DateOnly DueOn);

public sealed record Donor(string Code, string Name);

public sealed record CrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude);

public sealed record NewGrant(
    string Reference, string Title, string DonorCode, string Instrument, string ImplementingPartner, decimal Amount,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> BeneficiaryCountries, IReadOnlyList<CrossingPoint> CrossingPoints,
    IReadOnlyList<BudgetLine>? BudgetLines = null, IReadOnlyList<string>? EligibleNationalities = null);

public sealed record BudgetLine(string Code, string Description, decimal Amount);

public sealed record Grant(
    Guid Id, string Reference, string Title, string DonorCode, string Instrument, string ImplementingPartner, decimal Amount,
    string Currency, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> BeneficiaryCountries, IReadOnlyList<CrossingPoint> CrossingPoints,
    IReadOnlyList<BudgetLine> BudgetLines, IReadOnlyList<string> EligibleNationalities);

public sealed record GrantSummary(
    Guid GrantId, string Reference, string Title, string DonorCode, decimal Amount, string Currency,
    int ContractsSigned, decimal ContractedValue, int ContractedUnits, int AssetsRegistered, int AssetsDeployed,
    IReadOnlyList<CrossingPointSummary> CrossingPoints);

public sealed record CrossingPointSummary(string Code, string Name, string CountryCode, string NeighbourCountryCode, int AssetsDeployed);
