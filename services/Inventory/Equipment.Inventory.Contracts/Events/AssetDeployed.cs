using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>An asset was deployed at one of its grant's agreed crossing points.</summary>
public sealed record AssetDeployed(
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string CrossingPointCode,
    DateOnly DeployedOn) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.asset-deployed";

    /// <summary>v2: the contract line's destination crossing point (null: a warehouse line, or an event from before v2).</summary>
    public string? DestinationCrossingPointCode { get; init; }

    /// <summary>v2: set when the asset was deployed away from its destination: the recorded reason for the deviation.</summary>
    public string? DeviationReason { get; init; }
}
