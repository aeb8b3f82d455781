namespace Equipment.ApiClient;

/// <summary><c>/api/maintenance</c>: maintained assets, plans, faults, work orders, warranty claims, status, availability, usage.</summary>
public sealed class MaintenanceClient(HttpClient http) : ApiClientBase(http)
{
    public Task<Page<MaintainedAsset>> ListAssetsAsync(string? crossingPointCode = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<MaintainedAsset>>("api/maintenance/assets" + Query(("crossingPointCode", crossingPointCode), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<IReadOnlyList<WorkOrder>> ListWorkOrdersAsync(Guid? assetId = null, string? status = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<WorkOrder>>("api/maintenance/work-orders" + Query(("assetId", assetId), ("status", status)), cancellationToken);

    public Task<IReadOnlyList<Overdue>> ListOverdueAsync(DateOnly? on = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Overdue>>("api/maintenance/overdue" + Query(("on", on?.ToString("yyyy-MM-dd"))), cancellationToken);

    public Task<MaintenancePlan> DefinePlanAsync(MaintenancePlan plan, CancellationToken cancellationToken = default) =>
        PostAsync<MaintenancePlan>("api/maintenance/plans", plan, cancellationToken);

    public Task<FaultReport> ReportFaultAsync(Guid assetId, string symptom, string severity, CancellationToken cancellationToken = default) =>
        PostAsync<FaultReport>($"api/maintenance/assets/{assetId}/faults", new { symptom, severity }, cancellationToken);

    public Task<WorkOrder> OpenWorkOrderAsync(Guid assetId, string kind, Guid? faultReportId = null, CancellationToken cancellationToken = default) =>
        PostAsync<WorkOrder>("api/maintenance/work-orders", new { assetId, kind, faultReportId }, cancellationToken);

    public Task<WorkOrder> ScheduleAsync(Guid workOrderId, DateOnly on, string technician, CancellationToken cancellationToken = default) =>
        PostAsync<WorkOrder>($"api/maintenance/work-orders/{workOrderId}/schedule", new { on, technician }, cancellationToken);

    public Task<WorkOrder> StartAsync(Guid workOrderId, CancellationToken cancellationToken = default) =>
        PostAsync<WorkOrder>($"api/maintenance/work-orders/{workOrderId}/start", new { }, cancellationToken);

    public Task<WorkOrder> CompleteAsync(Guid workOrderId, DateOnly on, decimal labourHours, string outcome, IReadOnlyList<PartUsed>? parts = null, CancellationToken cancellationToken = default) =>
        PostAsync<WorkOrder>($"api/maintenance/work-orders/{workOrderId}/completion", new { on, labourHours, outcome, parts }, cancellationToken);

    public Task<WarrantyClaim> DecideClaimAsync(Guid claimId, bool accepted, string? notes = null, CancellationToken cancellationToken = default) =>
        PostAsync<WarrantyClaim>($"api/maintenance/warranty-claims/{claimId}/decision", new { accepted, notes }, cancellationToken);

    public Task<WarrantyClaim> ResolveClaimAsync(Guid claimId, decimal supplierBore, CancellationToken cancellationToken = default) =>
        PostAsync<WarrantyClaim>($"api/maintenance/warranty-claims/{claimId}/resolution", new { supplierBore }, cancellationToken);

    public Task<StatusChange> ChangeStatusAsync(Guid assetId, string status, DateTime at, string reason, CancellationToken cancellationToken = default) =>
        PostAsync<StatusChange>($"api/maintenance/assets/{assetId}/status", new { status, at, reason }, cancellationToken);

    public Task<UsageLog> RecordUsageAsync(Guid assetId, DateOnly from, DateOnly to, decimal? hours = null, decimal? km = null, int? patrols = null, CancellationToken cancellationToken = default) =>
        PostAsync<UsageLog>($"api/maintenance/assets/{assetId}/usage", new { from, to, hours, km, patrols }, cancellationToken);
}

public sealed record MaintainedAsset(
    Guid AssetId, string SerialNumber, string ItemCategory, string Description, Guid GrantId,
    string? CrossingPointCode, DateOnly? DeployedOn, DateOnly WarrantyEndsOn, bool UnderWarranty, string? Status);

public sealed record MaintenancePlan(string ItemCategory, int IntervalDays, int? IntervalUsageHours, int? IntervalKm, IReadOnlyList<string> Checklist);

public sealed record FaultReport(Guid Id, Guid AssetId, string Symptom, string Severity, string ReportedBy, DateTime ReportedAt);

public sealed record PartUsed(string Name, int Quantity, decimal UnitCost);

public sealed record WorkOrder(Guid Id, Guid AssetId, string Kind, string Status, DateOnly? CompletedOn, decimal PartsCost, Guid? WarrantyClaimId)
{
    public DateTime OpenedAt { get; init; }
    public DateOnly? ScheduledFor { get; init; }
    public string? Technician { get; init; }
    public string? Outcome { get; init; }
}

public sealed record Overdue(Guid AssetId, string SerialNumber, string ItemCategory, string? CrossingPointCode, DateOnly DueOn, DateOnly? LastDoneOn, string Why);

public sealed record WarrantyClaim(Guid Id, Guid AssetId, string Status, decimal SupplierBore);

public sealed record StatusChange(Guid AssetId, string Status, DateTime At, string Reason);

public sealed record UsageLog(Guid Id, Guid AssetId, DateOnly From, DateOnly To, decimal? Hours, decimal? Km, int? Patrols);
