using Equipment.BuildingBlocks.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Data;

public abstract class MaintenanceDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<MaintainedAsset> Assets => Set<MaintainedAsset>();
    public DbSet<StatusChange> StatusHistory => Set<StatusChange>();
    public DbSet<MaintenancePlan> Plans => Set<MaintenancePlan>();
    public DbSet<PlanSchedule> Schedules => Set<PlanSchedule>();
    public DbSet<FaultReport> Faults => Set<FaultReport>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WarrantyClaim> WarrantyClaims => Set<WarrantyClaim>();
    public DbSet<UsageLog> UsageLogs => Set<UsageLog>();
    public DbSet<Backfill> Backfills => Set<Backfill>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        BuildingBlocks.Attachments.Attachment.Configure(modelBuilder);
        modelBuilder.Entity<MaintainedAsset>(b =>
        {
            HasRowVersion(b);
            b.HasKey(a => a.AssetId);
            b.HasIndex(a => new { a.CrossingPointCode, a.SerialNumber });
            b.HasIndex(a => new { a.DonorCode, a.GrantId });
            b.Property(a => a.Status).HasConversion<string>();
        });
        modelBuilder.Entity<StatusChange>(b =>
        {
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.AssetId, s.At });
            b.Property(s => s.Status).HasConversion<string>();
        });
        modelBuilder.Entity<MaintenancePlan>(b =>
        {
            HasRowVersion(b);
            b.HasKey(p => p.ItemCategory);
        });
        modelBuilder.Entity<PlanSchedule>(b =>
        {
            b.HasKey(s => new { s.AssetId, s.ItemCategory });
            b.HasIndex(s => s.NextDueOn);
        });
        modelBuilder.Entity<Backfill>(b =>
        {
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<FaultReport>(b =>
        {
            HasRowVersion(b);
            b.HasKey(f => f.Id);
            b.HasIndex(f => f.AssetId);
            b.Property(f => f.Severity).HasConversion<string>();
        });
        modelBuilder.Entity<WorkOrder>(b =>
        {
            HasRowVersion(b);
            b.HasKey(w => w.Id);
            b.HasIndex(w => new { w.AssetId, w.Status });
            b.HasIndex(w => w.OpenedAt);                    // the work-order list, newest first, paged
            b.Property(w => w.Kind).HasConversion<string>();
            b.Property(w => w.Status).HasConversion<string>();
            b.OwnsMany(w => w.Parts, p => p.ToJson());
            b.Ignore(w => w.PartsCost);
        });
        modelBuilder.Entity<WarrantyClaim>(b =>
        {
            HasRowVersion(b);
            b.HasKey(c => c.Id);
            b.HasIndex(c => c.AssetId);
            b.HasIndex(c => c.WorkOrderId).IsUnique();     // one claim per work order: two raises at once have one winner
            b.Property(c => c.Status).HasConversion<string>();
        });
        modelBuilder.Entity<UsageLog>(b =>
        {
            b.HasKey(u => u.Id);
            b.HasIndex(u => new { u.AssetId, u.From });
        });
    }
}
