using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Data;

public sealed class MaintenanceDbContext(DbContextOptions<MaintenanceDbContext> options) : ServiceDbContext(options)
{
    public DbSet<MaintainedAsset> Assets => Set<MaintainedAsset>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MaintainedAsset>(b =>
        {
            b.HasKey(a => a.AssetId);
            b.HasIndex(a => new { a.CrossingPointCode, a.SerialNumber });
        });
    }
}
