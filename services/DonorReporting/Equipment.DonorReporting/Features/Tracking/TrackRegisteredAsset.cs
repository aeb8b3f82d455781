using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.Inventory.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

public static class TrackRegisteredAsset
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetRegistered>
    {
        public async Task HandleAsync(AssetRegistered e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            asset.Registered(e.SerialNumber, e.ItemCategory, e.Description, e.UnitValue, e.ContractId, e.ContractLineNumber, e.ReceivedOn, e.Manufacturer, e.Model);
        }
    }
}

/// <summary>Marks the assets of a handover certificate as handed over to the border authority.</summary>
public static class TrackHandedOverAssets
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetsHandedOver>
    {
        public async Task HandleAsync(AssetsHandedOver e, CancellationToken cancellationToken)
        {
            foreach (var assetId in e.AssetIds)
                (await db.TrackAsync(assetId, e.GrantId, cancellationToken)).HandedOver(e.HandedOverOn, e.ToAuthority);
        }
    }
}
