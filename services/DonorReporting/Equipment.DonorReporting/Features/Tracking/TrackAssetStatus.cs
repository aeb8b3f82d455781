using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Maintenance.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Keeps every status change maintenance reports, and recomputes the asset's figures from its whole, sorted history.</summary>
public static class TrackAssetStatus
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetStatusChanged>
    {
        public async Task HandleAsync(AssetStatusChanged e, CancellationToken cancellationToken)
        {
            if (await db.StatusRecords.FindAsync([e.EventId], cancellationToken) is not null) return;
            db.StatusRecords.Add(new StatusRecord(e.EventId, e.AssetId, e.Status.ToString(), e.ChangedAt.UtcDateTime));
            // The asset's figures follow its history; a status before any of inventory's events starts the copy, its grant unknown yet.
            var asset = await db.TrackedAssets.FindAsync([e.AssetId], cancellationToken);
            if (asset is null) db.TrackedAssets.Add(asset = TrackedAsset.Unplaced(e.AssetId));
            await db.RefreshFiguresAsync(asset, cancellationToken);
        }
    }
}
