using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>
/// A corrective work order raised for a reported fault was completed on <see cref="RepairedOn"/>: one repair in the mean
/// time to repair, which runs from the day the fault was reported (<see cref="FaultReportedAt"/>, carried so that the
/// repair counts whichever of the two events arrives first).
/// </summary>
public sealed record FaultRepaired(
    Guid FaultReportId,
    Guid WorkOrderId,
    Guid AssetId,
    Guid GrantId,
    DateTimeOffset FaultReportedAt,
    DateOnly RepairedOn) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.fault-repaired";
}
