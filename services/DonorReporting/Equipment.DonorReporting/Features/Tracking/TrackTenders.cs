using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Procurement.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Reporting's copies of tendered lots: what was asked for, where, and what the award or cancellation made of it.</summary>
public static class TrackTenders
{
    public sealed class Published(ReportingDbContext db) : IIntegrationEventHandler<TenderPublished>
    {
        public async Task HandleAsync(TenderPublished e, CancellationToken cancellationToken)
        {
            foreach (var lot in e.Lots)
            {
                var tracked = await db.TrackLotAsync(e.TenderId, lot.Number, e.GrantId, cancellationToken);
                tracked.Published(e.Reference, e.PublishedAt, lot.EstimatedValue,
                    lot.Lines.GroupBy(l => l.DestinationCrossingPointCode ?? "").Select(g => new UnitsAtPoint(g.Key, g.Sum(l => l.Quantity))).ToList());
            }
        }
    }

    public sealed class Awarded(ReportingDbContext db) : IIntegrationEventHandler<AwardDecided>
    {
        public async Task HandleAsync(AwardDecided e, CancellationToken cancellationToken) =>
            (await db.TrackLotAsync(e.TenderId, e.LotNumber, e.GrantId, cancellationToken)).Awarded(e.Value);
    }

    public sealed class Cancelled(ReportingDbContext db) : IIntegrationEventHandler<TenderCancelled>
    {
        public async Task HandleAsync(TenderCancelled e, CancellationToken cancellationToken)
        {
            foreach (var number in e.LotNumbers)
                (await db.TrackLotAsync(e.TenderId, number, e.GrantId, cancellationToken)).Cancel();
        }
    }

    /// <summary>The lot's copy, started by whichever of its events arrives first (also within one event's batch).</summary>
    private static async Task<TenderedLot> TrackLotAsync(this ReportingDbContext db, Guid tenderId, int lotNumber, Guid grantId, CancellationToken cancellationToken)
    {
        var lot = await db.TenderedLots.FindAsync([tenderId, lotNumber], cancellationToken);
        if (lot is not null) return lot;
        lot = new TenderedLot(tenderId, lotNumber, grantId);
        db.TenderedLots.Add(lot);
        return lot;
    }
}
