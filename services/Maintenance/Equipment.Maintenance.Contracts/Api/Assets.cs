namespace Equipment.Maintenance.Contracts.Api;

/// <summary>An asset technicians look after: where it is, whether its warranty still runs, its last status.</summary>
public sealed record MaintainedAssetResponse(
    Guid AssetId, string SerialNumber, string ItemCategory, string Description, Guid GrantId,
    string? CrossingPointCode, DateOnly? DeployedOn, DateOnly WarrantyEndsOn, bool UnderWarranty, OperationalStatus? Status,
    string? Manufacturer, string? Model, string? SupplierName);

/// <summary><c>POST /assets/{assetId}/faults</c>.</summary>
/// <summary><c>POST /assets/{id}/faults</c>: what was seen; <see cref="ReportedAt"/> for a fault recorded after the fact (now when left out, never ahead).</summary>
public sealed record ReportFaultRequest(string Symptom, FaultSeverity? Severity, DateTime? ReportedAt = null);

public sealed record FaultReportResponse(Guid Id, Guid AssetId, string Symptom, FaultSeverity Severity, string ReportedBy, DateTime ReportedAt);

/// <summary><c>POST /assets/{assetId}/status</c>: the status from <c>At</c> (now when absent) on.</summary>
public sealed record ChangeStatusRequest(OperationalStatus? Status, DateTime? At, string Reason);

/// <summary>One entry of an asset's status history.</summary>
public sealed record StatusChangeResponse(long Id, Guid AssetId, OperationalStatus Status, DateTime At, string Reason, string By);

/// <summary>One row of <c>GET /availability</c>: the key is the asset's serial, the crossing point or the grant.</summary>
/// <summary>
/// One group's availability over the period asked for; <see cref="CountedTo"/> is where counting stopped: the period's end,
/// or the moment of the answer when the period ends in the future.
/// </summary>
public sealed record AvailabilityResponse(string Key, int Assets, double OperationalHours, double KnownHours, double? Availability, DateTime? CountedTo = null);

/// <summary><c>POST /assets/{assetId}/usage</c>: hours, km or patrols over a past period.</summary>
public sealed record RecordUsageRequest(DateOnly? From, DateOnly? To, decimal? Hours = null, decimal? Km = null, int? Patrols = null);

public sealed record UsageLogResponse(Guid Id, Guid AssetId, DateOnly From, DateOnly To, decimal? Hours, decimal? Km, int? Patrols, string By);

/// <summary>
/// <c>GET /reliability?by=model|crossingPoint</c>: per group, the assets, the faults reported, the days in service, the
/// mean time between failures (days in service ÷ faults) and the mean time to repair (fault report → completion of its
/// corrective work order, in days, over the repairs counted); null when there is nothing to divide.
/// </summary>
public sealed record ReliabilityResponse(string Key, int Assets, int Failures, int InServiceDays, double? MtbfDays, int Repairs, double? MttrDays);
