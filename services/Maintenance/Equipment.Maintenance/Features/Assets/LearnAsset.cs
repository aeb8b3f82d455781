using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;

namespace Equipment.Maintenance.Features.Assets;

public static class LearnAsset
{
    public sealed class Handler(MaintenanceDbContext db) : IIntegrationEventHandler<AssetRegistered>
    {
        public async Task HandleAsync(AssetRegistered e, CancellationToken cancellationToken)
        {
            if (await db.Assets.FindAsync([e.AssetId], cancellationToken) is not null) return;
            db.Assets.Add(new MaintainedAsset(e.AssetId, e.SerialNumber, e.ItemCategory, e.Description, e.GrantId, e.ContractId, e.WarrantyEndsOn,
                e.DonorCode, e.Manufacturer, e.Model, e.SupplierName));
        }
    }
}
