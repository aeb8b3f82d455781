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
            (await db.ReceiptPhotoAsync(e.AssetId, e.AttachmentId, cancellationToken)).Attached(e.OccurredAt.UtcDateTime);
            asset.ShowReceiptPhoto(await db.ReceiptPhotosOfAsync(e.AssetId, cancellationToken));
        }
    }

    public sealed class Removed(ReportingDbContext db) : IIntegrationEventHandler<ReceiptPhotoRemoved>
    {
        public async Task HandleAsync(ReceiptPhotoRemoved e, CancellationToken cancellationToken)
        {
            (await db.ReceiptPhotoAsync(e.AssetId, e.AttachmentId, cancellationToken)).Remove();
            if (await db.TrackedAssets.FindAsync([e.AssetId], cancellationToken) is { } asset)
                asset.ShowReceiptPhoto(await db.ReceiptPhotosOfAsync(e.AssetId, cancellationToken));
        }
    }

    private static async Task<KnownReceiptPhoto> ReceiptPhotoAsync(this ReportingDbContext db, Guid assetId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await db.ReceiptPhotos.FindAsync([assetId, attachmentId], cancellationToken) is { } known) return known;
        var photo = new KnownReceiptPhoto(assetId, attachmentId);
        db.ReceiptPhotos.Add(photo);
        return photo;
    }

    /// <summary>The unit's photos as stored, with the one being recorded now.</summary>
    private static async Task<IReadOnlyList<KnownReceiptPhoto>> ReceiptPhotosOfAsync(this ReportingDbContext db, Guid assetId, CancellationToken cancellationToken)
    {
        var stored = await db.ReceiptPhotos.Where(p => p.AssetId == assetId).ToListAsync(cancellationToken);
        return [.. stored.Union(db.ReceiptPhotos.Local.Where(p => p.AssetId == assetId))];
    }
}
