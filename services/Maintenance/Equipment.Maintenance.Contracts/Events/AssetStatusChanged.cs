using Equipment.Maintenance.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>An asset's operational status changed (Operational, Degraded, OutOfService, UnderRepair, Disposed), with the reason.</summary>
public sealed record AssetStatusChanged(
    Guid AssetId,
    OperationalStatus Status,
    DateTimeOffset ChangedAt,
    string? Reason) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.asset-status-changed";
}
