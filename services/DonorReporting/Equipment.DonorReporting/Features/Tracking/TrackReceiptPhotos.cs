using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>
/// Learns from inventory which units have a photo from their receipt, to show it to a monitor verifying them (the image
/// stays in inventory). Every photo announced is kept with what is known of it, and the one shown is chosen from them all,
/// whatever order the attachments and removals arrive in.
/// </summary>
public static class TrackReceiptPhotos
{
    public sealed class Attached(ReportingDbContext db) : IIntegrationEventHandler<ReceiptPhotoAttached>
    {
        public async Task HandleAsync(ReceiptPhotoAttached e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            var photos = await db.ReceiptPhotosOfAsync(e.AssetId, cancellationToken);
            db.ReceiptPhoto(photos, e.AssetId, e.AttachmentId).Attached(e.OccurredAt.UtcDateTime);
            asset.ShowReceiptPhoto(photos);
        }
    }

    public sealed class Removed(ReportingDbContext db) : IIntegrationEventHandler<ReceiptPhotoRemoved>
    {
        public async Task HandleAsync(ReceiptPhotoRemoved e, CancellationToken cancellationToken)
        {
            var photos = await db.ReceiptPhotosOfAsync(e.AssetId, cancellationToken);
            db.ReceiptPhoto(photos, e.AssetId, e.AttachmentId).Remove();
            if (await db.TrackedAssets.FindAsync([e.AssetId], cancellationToken) is { } asset) asset.ShowReceiptPhoto(photos);
        }
    }

    /// <summary>Every photo of the unit known so far, stored or added in this unit of work, tracked, in one query.</summary>
    private static async Task<List<KnownReceiptPhoto>> ReceiptPhotosOfAsync(this ReportingDbContext db, Guid assetId, CancellationToken cancellationToken)
    {
        await db.ReceiptPhotos.Where(p => p.AssetId == assetId).LoadAsync(cancellationToken);
        return [.. db.ReceiptPhotos.Local.Where(p => p.AssetId == assetId)];
    }

    /// <summary>The photo among the unit's, or a new one added to them and to the database.</summary>
    private static KnownReceiptPhoto ReceiptPhoto(this ReportingDbContext db, List<KnownReceiptPhoto> photos, Guid assetId, Guid attachmentId)
    {
        if (photos.Find(p => p.AttachmentId == attachmentId) is { } known) return known;
        var photo = new KnownReceiptPhoto(assetId, attachmentId);
        db.ReceiptPhotos.Add(photo);
        photos.Add(photo);
        return photo;
    }
}
