using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.StockTakes;

/// <summary>Keeps each asset's latest physical count from <c>inventory.stock-take-closed</c>: what the donor sees as missing.</summary>
public static class TrackStockTake
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<StockTakeClosed>
    {
        public async Task HandleAsync(StockTakeClosed e, CancellationToken cancellationToken)
        {
            var ids = e.Assets.Select(a => a.AssetId).ToList();
            var kept = await db.StockTakeCounts.Where(c => ids.Contains(c.AssetId)).ToDictionaryAsync(c => c.AssetId, cancellationToken);
            foreach (var asset in e.Assets.DistinctBy(a => a.AssetId))
            {
                if (!kept.TryGetValue(asset.AssetId, out var count))
                {
                    count = new StockTakeCount(asset.AssetId, asset.GrantId, asset.DonorCode);
                    db.StockTakeCounts.Add(count);
                }
                count.Counted(e.StockTakeId, e.OccurredAt.UtcDateTime, e.CountedOn, e.PlaceCode, asset.Result.ToString(), asset.SerialNumber, asset.Description);
            }
        }
    }
}
