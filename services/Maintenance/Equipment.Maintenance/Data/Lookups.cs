using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Data;

public static class Lookups
{
    public static readonly string[] Readers = [Roles.MaintenanceTechnician, Roles.LogisticsOfficer, Roles.DonorMonitor, Roles.Administrator];

    /// <summary>The asset, or 404 when maintenance does not know it or it belongs to another donor than the monitor's.</summary>
    public static async Task<MaintainedAsset> AssetAsync(this MaintenanceDbContext db, Guid assetId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Assets.SingleOrDefaultAsync(a => a.AssetId == assetId && (donorScope == null || a.DonorCode == donorScope), cancellationToken)
        ?? throw new NotFoundException($"No asset {assetId} in maintenance.");

    /// <summary>When the asset's status last changed, if it ever did.</summary>
    public static Task<DateTime?> LastStatusChangeAsync(this MaintenanceDbContext db, Guid assetId, CancellationToken cancellationToken) =>
        db.StatusHistory.Where(s => s.AssetId == assetId).OrderByDescending(s => s.At).Select(s => (DateTime?)s.At).FirstOrDefaultAsync(cancellationToken);
}
