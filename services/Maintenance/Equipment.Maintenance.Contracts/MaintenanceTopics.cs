namespace Equipment.Maintenance.Contracts;

public static class MaintenanceTopics
{
    public const string AssetStatusChanged = "maintenance.asset-status-changed";
}

/// <summary>
/// An asset's operational status changed (Operational, Faulty, UnderRepair, OutOfService), with the reason.
/// Inventory keeps it in the asset's passport. Maintenance starts publishing it with the maintenance issue.
/// </summary>
public sealed record AssetStatusChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    string Status,
    DateTimeOffset ChangedAt,
    string? Reason);
