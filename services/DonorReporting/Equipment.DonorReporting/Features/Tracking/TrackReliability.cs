using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Maintenance.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>
/// The faults and repairs behind the grant's MTBF and MTTR, from maintenance's events: one row per fault and one per
/// repairing work order, whichever event arrives first, so redeliveries and the history maintenance announces once
/// after an upgrade never count twice.
/// </summary>
public static class TrackReliability
{
    public sealed class FaultSeen(ReportingDbContext db) : IIntegrationEventHandler<FaultReported>
    {
        public async Task HandleAsync(FaultReported e, CancellationToken cancellationToken)
        {
            await FaultAsync(db, e.FaultReportId, e.GrantId, e.AssetId, e.ReportedAt, cancellationToken);
            await RefreshAsync(db, e.AssetId, cancellationToken);
        }
    }

    public sealed class FaultFixed(ReportingDbContext db) : IIntegrationEventHandler<FaultRepaired>
    {
        public async Task HandleAsync(FaultRepaired e, CancellationToken cancellationToken)
        {
            await FaultAsync(db, e.FaultReportId, e.GrantId, e.AssetId, e.FaultReportedAt, cancellationToken);
            if (await db.RepairRecords.FindAsync([e.WorkOrderId], cancellationToken) is null)
                db.RepairRecords.Add(new RepairRecord(e.WorkOrderId, e.FaultReportId, e.GrantId, e.AssetId, e.FaultReportedAt.UtcDateTime, e.RepairedOn));
            await RefreshAsync(db, e.AssetId, cancellationToken);
        }
    }

    /// <summary>
    /// The asset's fault and repair counts follow its records. Before any of inventory's events the copy is started
    /// without a grant (the fault's grant is not taken for the asset's), so that inventory's first event and this one
    /// cannot both miss each other.
    /// </summary>
    private static async Task RefreshAsync(ReportingDbContext db, Guid assetId, CancellationToken cancellationToken)
    {
        var asset = await db.TrackedAssets.FindAsync([assetId], cancellationToken);
        if (asset is null) db.TrackedAssets.Add(asset = TrackedAsset.Unplaced(assetId));
        await db.RefreshFiguresAsync(asset, cancellationToken);
    }

    private static async Task FaultAsync(ReportingDbContext db, Guid faultId, Guid grantId, Guid assetId, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        if (await db.FaultRecords.FindAsync([faultId], cancellationToken) is null)
            db.FaultRecords.Add(new FaultRecord(faultId, grantId, assetId, reportedAt.UtcDateTime));
    }
}
