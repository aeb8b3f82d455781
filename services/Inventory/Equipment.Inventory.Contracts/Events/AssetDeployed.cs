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
}
