using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Tracking;

public static class TrackedAssets
{
    /// <summary>The reporting copy of an asset, started on whichever of inventory's events arrives first.</summary>
    public static async Task<TrackedAsset> TrackAsync(this ReportingDbContext db, Guid assetId, Guid grantId, CancellationToken cancellationToken)
    {
        var asset = await db.TrackedAssets.FindAsync([assetId], cancellationToken);
        if (asset is not null)
        {
            asset.BelongsTo(grantId);   // started by a status change, which names no grant
            return asset;
        }
        asset = new TrackedAsset(assetId, grantId);
        db.TrackedAssets.Add(asset);
        return asset;
    }

    /// <summary>
    /// Recomputes the asset's figure columns from its whole history as this delivery sees it (what is saved and what
    /// this delivery adds), so the order events arrive in never matters. Two deliveries that recompute one asset at
    /// once collide on <see cref="TrackedAsset.FiguresVersion"/>, and the second is redelivered and sees the first.
    /// </summary>
    public static async Task RefreshFiguresAsync(this ReportingDbContext db, TrackedAsset asset, CancellationToken cancellationToken)
    {
        var id = asset.AssetId;
        await db.StatusRecords.Where(s => s.AssetId == id).LoadAsync(cancellationToken);
        await db.FaultRecords.Where(f => f.AssetId == id).LoadAsync(cancellationToken);
        await db.RepairRecords.Where(r => r.AssetId == id).LoadAsync(cancellationToken);
        var grantId = asset.GrantId;
        var period = await db.Grants.AsNoTracking().Where(g => g.Id == grantId)
            .Select(g => new { g.StartDate, g.EndDate }).SingleOrDefaultAsync(cancellationToken);
        asset.RefreshFigures(
            db.StatusRecords.Local.Where(s => s.AssetId == id).ToList(),
            db.FaultRecords.Local.Where(f => f.AssetId == id).ToList(),
            db.RepairRecords.Local.Where(r => r.AssetId == id).ToList(),
            period is null ? null : (period.StartDate, period.EndDate));
    }

    /// <summary>
    /// Recomputes, a thousand at a time, the figure columns of the grant's assets that were not computed for its
    /// current period (all of them after a change of the grant's end date; those of an upgraded database).
    /// </summary>
    public static async Task<int> RefreshStaleFiguresAsync(this ReportingDbContext db, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().Where(g => g.Id == grantId)
            .Select(g => new { g.StartDate, g.EndDate }).SingleAsync(cancellationToken);
        var refreshed = 0;
        while (true)
        {
            var batch = await db.TrackedAssets
                .Where(a => a.GrantId == grantId && (a.FiguresUntil == null || a.FiguresUntil != grant.EndDate))
                .OrderBy(a => a.AssetId).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0) return refreshed;
            var ids = batch.Select(a => a.AssetId).ToList();
            var statuses = (await db.StatusRecords.AsNoTracking().Where(s => ids.Contains(s.AssetId)).ToListAsync(cancellationToken)).ToLookup(s => s.AssetId);
            var faults = (await db.FaultRecords.AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync(cancellationToken)).ToLookup(f => f.AssetId);
            var repairs = (await db.RepairRecords.AsNoTracking().Where(r => ids.Contains(r.AssetId)).ToListAsync(cancellationToken)).ToLookup(r => r.AssetId);
            foreach (var a in batch)
                a.RefreshFigures(statuses[a.AssetId].ToList(), faults[a.AssetId].ToList(), repairs[a.AssetId].ToList(), (grant.StartDate, grant.EndDate));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                refreshed += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A delivery recomputed one of them meanwhile: read the batch again.
            }
            db.ChangeTracker.Clear();
        }
    }
}
