using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Data;

public sealed class ProcurementDbContext(DbContextOptions<ProcurementDbContext> options) : ServiceDbContext(options)
{
    public DbSet<KnownGrant> KnownGrants => Set<KnownGrant>();
    public DbSet<Contract> Contracts => Set<Contract>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<KnownGrant>(b =>
        {
            b.HasKey(g => g.GrantId);
            b.Property(g => g.Amount).HasConversion<double>();
        });
        modelBuilder.Entity<Contract>(b =>
        {
            b.HasKey(c => c.Id);
            b.HasIndex(c => c.Reference).IsUnique();
            b.HasIndex(c => new { c.DonorCode, c.GrantId });
            b.Property(c => c.Status).HasConversion<string>();
            b.Ignore(c => c.TotalValue);
            b.OwnsMany(c => c.Lines, l =>
            {
                l.ToTable("contract_lines");
                l.WithOwner().HasForeignKey("ContractId");
                l.HasKey("ContractId", nameof(ContractLine.LineNumber));
                l.Property(x => x.UnitPrice).HasConversion<double>();
            });
            b.Navigation(c => c.Lines).HasField("_lines");
        });
    }
}
