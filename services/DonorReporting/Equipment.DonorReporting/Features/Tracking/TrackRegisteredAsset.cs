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
            await db.RefreshFiguresAsync(asset, cancellationToken);
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
            {
                var asset = await db.TrackAsync(assetId, e.GrantId, cancellationToken);
                var figuresKnown = asset.FiguresUntil is not null;
                asset.HandedOver(e.HandedOverOn, e.ToAuthority);
                // A handover changes no figure column; only a copy it starts (or first places under its grant) needs them.
                if (!figuresKnown) await db.RefreshFiguresAsync(asset, cancellationToken);
            }
        }
    }
}
