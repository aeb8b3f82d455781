using Equipment.Maintenance.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>A fault was reported on an asset, seen at <see cref="ReportedAt"/>: one failure in the asset's mean time between failures.</summary>
public sealed record FaultReported(
    Guid FaultReportId,
    Guid AssetId,
    Guid GrantId,
    DateTimeOffset ReportedAt,
    FaultSeverity Severity) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.fault-reported";
}
