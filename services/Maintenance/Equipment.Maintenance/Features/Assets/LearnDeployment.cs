using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;

namespace Equipment.Maintenance.Features.Assets;

/// <summary>
/// Records where an asset is deployed. A deployment of an asset maintenance has not registered yet is asked to be
/// redelivered: the registration carries the warranty and serial that maintenance cannot do without.
/// </summary>
public static class LearnDeployment
{
    public sealed class Handler(MaintenanceDbContext db) : IIntegrationEventHandler<AssetDeployed>
    {
        public async Task HandleAsync(AssetDeployed e, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([e.AssetId], cancellationToken)
                ?? throw new EventOutOfOrderException($"asset {e.AssetId} is deployed but its registration has not arrived yet");
            asset.DeployedAt(e.CrossingPointCode, e.DeployedOn);
        }
    }
}

/// <summary>A transfer moves the asset to another crossing point; like a deployment, it waits for the registration.</summary>
public static class LearnTransfer
{
    public sealed class Handler(MaintenanceDbContext db) : IIntegrationEventHandler<AssetTransferred>
    {
        public async Task HandleAsync(AssetTransferred e, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([e.AssetId], cancellationToken)
                ?? throw new EventOutOfOrderException($"asset {e.AssetId} is transferred but its registration has not arrived yet");
            asset.DeployedAt(e.ToCrossingPointCode, e.TransferredOn);
        }
    }
}
