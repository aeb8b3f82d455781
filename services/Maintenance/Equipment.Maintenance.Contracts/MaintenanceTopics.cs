namespace Equipment.Maintenance.Contracts;

public static class MaintenanceTopics
{
    public const string AssetStatusChanged = "maintenance.asset-status-changed";
    public const string WorkOrderCompleted = "maintenance.work-order-completed";
    public const string WarrantyClaimRaised = "maintenance.warranty-claim-raised";
    public const string UsageRecorded = "maintenance.usage-recorded";
}

/// <summary>An asset's operational status changed (Operational, Degraded, OutOfService, UnderRepair, Disposed), with the reason.</summary>
public sealed record AssetStatusChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    string Status,
    DateTimeOffset ChangedAt,
    string? Reason);

/// <summary>A work order was completed: what was done, at what cost.</summary>
public sealed record WorkOrderCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid WorkOrderId,
    Guid AssetId,
    Guid GrantId,
    string Kind,
    DateOnly CompletedOn,
    decimal PartsCost,
    decimal LabourHours,
    string Outcome);

/// <summary>A corrective job on an asset under warranty raised a claim against the supplier.</summary>
public sealed record WarrantyClaimRaised(
    Guid EventId,
    DateOnly RaisedOn,
    Guid WarrantyClaimId,
    Guid AssetId,
    Guid GrantId,
    string SupplierName,
    Guid WorkOrderId,
    DateOnly WarrantyEndsOn);

/// <summary>Usage of an asset over a period.</summary>
public sealed record UsageRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    Guid GrantId,
    DateOnly From,
    DateOnly To,
    decimal? Hours,
    decimal? Km,
    int? Patrols);
