namespace Equipment.Maintenance.Contracts.Api;

/// <summary>A part used on a job, at its unit cost.</summary>
public sealed record PartUsed(string Name, int Quantity, decimal UnitCost);

/// <summary><c>POST /work-orders</c>: preventive or corrective work on an asset, for a reported fault if any.</summary>
public sealed record OpenWorkOrderRequest(Guid? AssetId, WorkOrderKind? Kind, Guid? FaultReportId = null);

/// <summary><c>POST /work-orders/{id}/schedule</c>.</summary>
public sealed record ScheduleWorkOrderRequest(DateOnly? On, string? Technician);

/// <summary><c>POST /work-orders/{id}/start</c>: the day work started (today when left out); never in the future.</summary>
public sealed record StartWorkOrderRequest(DateOnly? On = null);

/// <summary><c>POST /work-orders/{id}/completion</c>: when (not before the work started), parts and labour, outcome.</summary>
public sealed record CompleteWorkOrderRequest(DateOnly? On, decimal? LabourHours, string? Outcome, IReadOnlyList<PartUsed>? Parts = null);

/// <summary><c>POST /work-orders/{id}/cancellation</c>.</summary>
public sealed record CancelWorkOrderRequest(string? Reason);

public sealed record WorkOrderResponse(
    Guid Id, Guid AssetId, WorkOrderKind Kind, Guid? FaultReportId, WorkOrderStatus Status, DateTime OpenedAt, DateOnly? ScheduledFor, string? Technician,
    IReadOnlyList<PartUsed> Parts, decimal PartsCost, decimal LabourHours, string? Outcome, DateOnly? CompletedOn, Guid? WarrantyClaimId,
    DateOnly? StartedOn = null, string? SerialNumber = null);

/// <summary><c>POST /warranty-claims/{id}/decision</c>: the supplier's answer.</summary>
public sealed record DecideWarrantyClaimRequest(bool? Accepted, string? Notes = null);

/// <summary><c>POST /warranty-claims/{id}/resolution</c>: what the supplier bore (0 if nothing).</summary>
public sealed record ResolveWarrantyClaimRequest(decimal? SupplierBore);

public sealed record WarrantyClaimResponse(
    Guid Id, Guid AssetId, Guid WorkOrderId, string SupplierName, DateOnly RaisedOn, WarrantyClaimStatus Status, decimal SupplierBore, string? Notes,
    string? SerialNumber = null);

/// <summary>
/// One row of <c>GET /work-orders/search</c>: the work order with what a technician needs to pick it from a list — the
/// asset's serial, category and crossing point, and the symptom of the fault it repairs.
/// </summary>
public sealed record WorkOrderRow(
    Guid Id, Guid AssetId, string SerialNumber, string ItemCategory, string? CrossingPointCode, WorkOrderKind Kind, WorkOrderStatus Status,
    string? Symptom, DateTime OpenedAt, DateOnly? ScheduledFor, string? Technician, DateOnly? CompletedOn, Guid? WarrantyClaimId);
