using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Assets;

/// <summary>
/// Records where an asset is deployed. A deployment of an asset maintenance has not registered yet is asked to be
/// redelivered: the registration carries the warranty and serial that maintenance cannot do without.
/// The first deployment starts the asset's status history (operational) and applies its category's maintenance plan.
/// </summary>
public static class LearnDeployment
{
    public sealed class Handler(MaintenanceDbContext db) : IIntegrationEventHandler<AssetDeployed>
    {
        public async Task HandleAsync(AssetDeployed e, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([e.AssetId], cancellationToken)
                ?? throw new EventOutOfOrderException($"asset {e.AssetId} is deployed but its registration has not arrived yet");
            var first = asset.DeployedOn is null;
            asset.DeployedAt(e.CrossingPointCode, e.DeployedOn);
            if (!first) return;
            if (asset.Status is null)
                db.StatusHistory.Add(asset.ChangeStatus(OperationalStatus.Operational, e.DeployedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "Deployed", "inventory", null));
            var plan = await db.Plans.FindAsync([asset.ItemCategory], cancellationToken);
            if (plan is not null && !await db.Schedules.AnyAsync(s => s.AssetId == asset.AssetId && s.ItemCategory == plan.ItemCategory, cancellationToken))
                db.Schedules.Add(new PlanSchedule(asset.AssetId, plan.ItemCategory, e.DeployedOn, plan.IntervalDays));
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

/// <summary>An asset disposed of, lost or stolen ends its status history as Disposed.</summary>
public static class LearnDisposal
{
    public sealed class Handler(MaintenanceDbContext db) : IIntegrationEventHandler<AssetDisposed>
    {
        public async Task HandleAsync(AssetDisposed e, CancellationToken cancellationToken)
        {
            var asset = await db.Assets.FindAsync([e.AssetId], cancellationToken)
                ?? throw new EventOutOfOrderException($"asset {e.AssetId} is disposed of but its registration has not arrived yet");
            if (asset.Status == OperationalStatus.Disposed) return;
            var at = e.DisposedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var last = await db.LastStatusChangeAsync(asset.AssetId, cancellationToken);
            db.StatusHistory.Add(asset.ChangeStatus(OperationalStatus.Disposed, last is { } l && l > at ? l : at, $"{e.Kind}: {e.Reason}", "inventory", last));
        }
    }
}
