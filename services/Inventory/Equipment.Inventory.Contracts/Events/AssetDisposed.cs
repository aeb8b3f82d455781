using Equipment.Inventory.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>An asset left the inventory: disposed of, lost or stolen, with the reason and evidence.</summary>
public sealed record AssetDisposed(
    Guid AssetId,
    Guid GrantId,
    string DonorCode,
    DisposalKind Kind,
    DateOnly DisposedOn,
    string Reason,
    string? EvidenceReference) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.asset-disposed";
}
