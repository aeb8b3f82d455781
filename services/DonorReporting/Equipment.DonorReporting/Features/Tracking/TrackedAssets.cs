using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;

namespace Equipment.DonorReporting.Features.Tracking;

public static class TrackedAssets
{
    /// <summary>The reporting copy of an asset, started on whichever of inventory's events arrives first.</summary>
    public static async Task<TrackedAsset> TrackAsync(this ReportingDbContext db, Guid assetId, Guid grantId, CancellationToken cancellationToken)
    {
        var asset = await db.TrackedAssets.FindAsync([assetId], cancellationToken);
        if (asset is not null) return asset;
        asset = new TrackedAsset(assetId, grantId);
        db.TrackedAssets.Add(asset);
        return asset;
    }
}
