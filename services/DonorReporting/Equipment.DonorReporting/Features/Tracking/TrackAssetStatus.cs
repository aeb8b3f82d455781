using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Maintenance.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Keeps every status change maintenance reports; availability is computed from the whole, sorted history.</summary>
public static class TrackAssetStatus
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetStatusChanged>
    {
        public async Task HandleAsync(AssetStatusChanged e, CancellationToken cancellationToken)
        {
            if (await db.StatusRecords.FindAsync([e.EventId], cancellationToken) is not null) return;
            db.StatusRecords.Add(new StatusRecord(e.EventId, e.AssetId, e.Status.ToString(), e.ChangedAt.UtcDateTime));
        }
    }
}
