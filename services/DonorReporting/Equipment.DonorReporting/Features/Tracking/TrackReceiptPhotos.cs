using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.Inventory.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Learns from inventory which units have a photo from their receipt, to show it to a monitor verifying them (the image stays in inventory).</summary>
public static class TrackReceiptPhotos
{
    public sealed class Attached(ReportingDbContext db) : IIntegrationEventHandler<ReceiptPhotoAttached>
    {
        public async Task HandleAsync(ReceiptPhotoAttached e, CancellationToken cancellationToken) =>
            (await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken)).PhotographedOnReceipt(e.AttachmentId);
    }

    public sealed class Removed(ReportingDbContext db) : IIntegrationEventHandler<ReceiptPhotoRemoved>
    {
        public async Task HandleAsync(ReceiptPhotoRemoved e, CancellationToken cancellationToken)
        {
            if (await db.TrackedAssets.FindAsync([e.AssetId], cancellationToken) is { } asset) asset.ReceiptPhotoRemoved(e.AttachmentId);
        }
    }
}
