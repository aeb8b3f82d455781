using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Maintenance.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Counts completed work orders (parts cost, labour) and usage logs (hours, km, patrols) against their grant.</summary>
public static class TrackUpkeep
{
    public sealed class WorkCompleted(ReportingDbContext db) : IIntegrationEventHandler<WorkOrderCompleted>
    {
        public async Task HandleAsync(WorkOrderCompleted e, CancellationToken cancellationToken)
        {
            if (await db.UpkeepRecords.FindAsync([e.EventId], cancellationToken) is not null) return;
            db.UpkeepRecords.Add(UpkeepRecord.WorkOrder(e.EventId, e.GrantId, e.AssetId, e.CompletedOn, e.PartsCost, e.LabourHours));
        }
    }

    public sealed class UsageLogged(ReportingDbContext db) : IIntegrationEventHandler<UsageRecorded>
    {
        public async Task HandleAsync(UsageRecorded e, CancellationToken cancellationToken)
        {
            if (await db.UpkeepRecords.FindAsync([e.EventId], cancellationToken) is not null) return;
            db.UpkeepRecords.Add(UpkeepRecord.Usage(e.EventId, e.GrantId, e.AssetId, e.To, e.Hours ?? 0, e.Km ?? 0, e.Patrols ?? 0));
        }
    }
}
