using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Maintenance.Contracts;

/// <summary>Usage of an asset over a period.</summary>
public sealed record UsageRecorded(
    Guid AssetId,
    Guid GrantId,
    DateOnly From,
    DateOnly To,
    decimal? Hours,
    decimal? Km,
    int? Patrols) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "maintenance.usage-recorded";
}
