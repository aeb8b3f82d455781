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
        public async Task HandleAsync(FaultReported e, CancellationToken cancellationToken) =>
            await FaultAsync(db, e.FaultReportId, e.GrantId, e.AssetId, e.ReportedAt, cancellationToken);
    }

    public sealed class FaultFixed(ReportingDbContext db) : IIntegrationEventHandler<FaultRepaired>
    {
        public async Task HandleAsync(FaultRepaired e, CancellationToken cancellationToken)
        {
            await FaultAsync(db, e.FaultReportId, e.GrantId, e.AssetId, e.FaultReportedAt, cancellationToken);
            if (await db.RepairRecords.FindAsync([e.WorkOrderId], cancellationToken) is null)
                db.RepairRecords.Add(new RepairRecord(e.WorkOrderId, e.FaultReportId, e.GrantId, e.AssetId, e.FaultReportedAt.UtcDateTime, e.RepairedOn));
        }
    }

    private static async Task FaultAsync(ReportingDbContext db, Guid faultId, Guid grantId, Guid assetId, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        if (await db.FaultRecords.FindAsync([faultId], cancellationToken) is null)
            db.FaultRecords.Add(new FaultRecord(faultId, grantId, assetId, reportedAt.UtcDateTime));
    }
}
