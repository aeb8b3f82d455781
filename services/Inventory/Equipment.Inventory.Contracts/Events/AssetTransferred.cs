using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>A deployed asset moved from one agreed crossing point to another.</summary>
public sealed record AssetTransferred(
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    string FromCrossingPointCode,
    string ToCrossingPointCode,
    DateOnly TransferredOn,
    string Reason) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.asset-transferred";
}
