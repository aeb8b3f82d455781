using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Inventory.Contracts;

/// <summary>
/// A photo of one unit as it was received was attached to its goods received note. Inventory keeps the image
/// (<c>GET /api/inventory/attachments/{AttachmentId}</c>, for whoever may read that grant's evidence); a verification visit
/// shows it beside the asset.
/// </summary>
public sealed record ReceiptPhotoAttached(Guid AssetId, Guid GrantId, string DonorCode, Guid GoodsReceivedNoteId, Guid AttachmentId) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.receipt-photo-attached";
}

/// <summary>A photo of a unit was removed from its goods received note before the note was accepted.</summary>
public sealed record ReceiptPhotoRemoved(Guid AssetId, Guid AttachmentId) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "inventory.receipt-photo-removed";
}
