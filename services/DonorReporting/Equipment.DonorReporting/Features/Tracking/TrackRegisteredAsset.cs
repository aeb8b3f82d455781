using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

public static class TrackRegisteredAsset
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetRegistered>
    {
        public async Task HandleAsync(AssetRegistered e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            asset.Registered(e.SerialNumber, e.ItemCategory, e.UnitValue);
        }
    }
}
