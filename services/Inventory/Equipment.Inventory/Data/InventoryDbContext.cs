using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Data;

public sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : ServiceDbContext(options)
{
    public DbSet<KnownGrant> KnownGrants => Set<KnownGrant>();
    public DbSet<ExpectedDelivery> ExpectedDeliveries => Set<ExpectedDelivery>();
    public DbSet<GoodsReceivedNote> GoodsReceivedNotes => Set<GoodsReceivedNote>();
    public DbSet<Asset> Assets => Set<Asset>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<KnownGrant>().HasKey(g => g.GrantId);
        modelBuilder.Entity<ExpectedDelivery>(b =>
        {
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.ContractId, d.ContractLineNumber }).IsUnique();
            b.HasIndex(d => new { d.DonorCode, d.GrantId });
            b.Property(d => d.UnitPrice).HasConversion<double>();
            b.Ignore(d => d.QuantityOutstanding);
            b.Property(d => d.QuantityAccepted).IsConcurrencyToken();
        });
        modelBuilder.Entity<GoodsReceivedNote>(b =>
        {
            b.HasKey(n => n.Id);
            b.HasIndex(n => n.ExpectedDeliveryId);
        });
        modelBuilder.Entity<Asset>(b =>
        {
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.ItemCategory, a.SerialNumber }).IsUnique();
            b.HasIndex(a => new { a.DonorCode, a.GrantId, a.Status });
            b.Property(a => a.UnitValue).HasConversion<double>();
            b.Property(a => a.Status).HasConversion<string>();
        });
    }
}
