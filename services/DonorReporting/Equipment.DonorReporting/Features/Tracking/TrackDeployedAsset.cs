using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>Places an asset at its crossing point; it may arrive before the asset's registration and still counts.</summary>
public static class TrackDeployedAsset
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetDeployed>
    {
        public async Task HandleAsync(AssetDeployed e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            asset.Deployed(e.CrossingPointCode, e.DeployedOn);
            if (e.DeviationReason is { } reason)
                asset.DeployedAwayFromDestination(e.DestinationCrossingPointCode, e.CrossingPointCode, e.DeployedOn, reason);
            await db.RefreshFiguresAsync(asset, cancellationToken);
        }
    }
}

/// <summary>A transfer moves the asset to another crossing point (same ordering rule as a deployment).</summary>
public static class TrackTransferredAsset
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetTransferred>
    {
        public async Task HandleAsync(AssetTransferred e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            asset.Deployed(e.ToCrossingPointCode, e.TransferredOn);
            await db.RefreshFiguresAsync(asset, cancellationToken);
        }
    }
}

/// <summary>A disposed, lost or stolen asset no longer counts as deployed anywhere.</summary>
public static class TrackDisposedAsset
{
    public sealed class Handler(ReportingDbContext db) : IIntegrationEventHandler<AssetDisposed>
    {
        public async Task HandleAsync(AssetDisposed e, CancellationToken cancellationToken)
        {
            var asset = await db.TrackAsync(e.AssetId, e.GrantId, cancellationToken);
            asset.Disposed(e.Kind.ToString(), e.DisposedOn);
            await db.RefreshFiguresAsync(asset, cancellationToken);
        }
    }
}
