using Equipment.Maintenance.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>A work order was completed: what was done, at what cost.</summary>
public sealed record WorkOrderCompleted(
    Guid WorkOrderId,
    Guid AssetId,
    Guid GrantId,
    WorkOrderKind Kind,
    DateOnly CompletedOn,
    decimal PartsCost,
    decimal LabourHours,
    string Outcome) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.work-order-completed";
}
