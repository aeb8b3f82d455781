using Equipment.BuildingBlocks.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Data;

public abstract class InventoryDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<KnownGrant> KnownGrants => Set<KnownGrant>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<ExpectedDelivery> ExpectedDeliveries => Set<ExpectedDelivery>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<GoodsReceivedNote> GoodsReceivedNotes => Set<GoodsReceivedNote>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<HandoverCertificate> HandoverCertificates => Set<HandoverCertificate>();
    public DbSet<CustodyEntry> CustodyLog => Set<CustodyEntry>();
    public DbSet<AssetNote> AssetNotes => Set<AssetNote>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<StockTake> StockTakes => Set<StockTake>();
    public DbSet<StockTakeScan> StockTakeScans => Set<StockTakeScan>();

    /// <summary>The custody log is append-only: a change to or deletion of an entry is refused, whatever the code path.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var tampered = ChangeTracker.Entries<CustodyEntry>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampered is not null)
            throw new InvalidOperationException($"Custody entry {tampered.Entity.Id} cannot be {tampered.State.ToString().ToLowerInvariant()}: the custody log is append-only.");
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        BuildingBlocks.Attachments.Attachment.Configure(modelBuilder);
        modelBuilder.Entity<KnownGrant>(b =>
        {
            b.HasKey(g => g.GrantId);
            b.OwnsMany(g => g.CrossingPoints, p => p.ToJson());
        });
        HasRowVersion(modelBuilder.Entity<Warehouse>()).HasKey(w => w.Code);
        modelBuilder.Entity<ExpectedDelivery>(b =>
        {
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.ContractId, d.ContractLineNumber }).IsUnique();
            b.HasIndex(d => new { d.DonorCode, d.GrantId });
            b.HasIndex(d => new { d.DeliveryDeadline, d.ContractReference, d.ContractLineNumber });   // the deliveries list's default order
            b.HasIndex(d => d.TenderReference);                          // the global search: a tender's goods
            b.Property(d => d.TenderReference).HasMaxLength(100);
            if (SortsMoneyAsDouble) b.Property(d => d.UnitPrice).HasConversion<double>();
            b.Ignore(d => d.QuantityOutstanding);
            b.Ignore(d => d.QuantityShippable);
            b.Property(d => d.QuantityAccepted).IsConcurrencyToken();
            b.Property(d => d.QuantityShipped).IsConcurrencyToken();
        });
        modelBuilder.Entity<Shipment>(b =>
        {
            HasRowVersion(b);
            b.HasKey(s => s.Id);
            b.HasIndex(s => s.WaybillNumber).IsUnique();
            b.HasIndex(s => new { s.DonorCode, s.ContractId });
            b.HasIndex(s => new { s.DispatchedOn, s.WaybillNumber });      // the shipment list's default order
            b.Property(s => s.Status).HasConversion<string>();
            b.OwnsMany(s => s.Lines, l => l.ToJson());
        });
        modelBuilder.Entity<GoodsReceivedNote>(b =>
        {
            HasRowVersion(b);
            b.HasKey(n => n.Id);
            b.HasIndex(n => n.Number).IsUnique();
            b.HasIndex(n => n.ShipmentId);
            b.HasIndex(n => new { n.ReceivedOn, n.Number });                // the history's default order
            b.OwnsMany(n => n.Lines, l => l.ToJson());
        });
        modelBuilder.Entity<Asset>(b =>
        {
            HasRowVersion(b);
            b.HasKey(a => a.Id);
            b.HasIndex(a => new { a.Manufacturer, a.Model, a.SerialNumber }).IsUnique();
            b.HasIndex(a => a.SerialNumber);
            b.HasIndex(a => new { a.DonorCode, a.GrantId, a.Status });
            b.HasIndex(a => new { a.CrossingPointCode, a.Status });
            b.HasIndex(a => new { a.ItemCategory, a.SerialNumber });
            b.HasIndex(a => a.ContractId);
            b.HasIndex(a => a.ContractReference);                           // the global search: a contract's goods
            b.HasIndex(a => a.GoodsReceivedNoteId);                         // a note's units, for its printable page; the search: a shipment's goods
            b.HasIndex(a => a.HandoverCertificateId);                       // the certificates that handed over a shipment's goods
            b.HasIndex(a => new { a.ReceivedOn, a.Id });
            b.HasIndex(a => new { a.Status, a.LastSeenOn });
            b.Property(a => a.LastSeenPlace).HasMaxLength(100);
            b.Property(a => a.LastSeenBy).HasMaxLength(300);
            if (SortsMoneyAsDouble) b.Property(a => a.UnitValue).HasConversion<double>();
            b.Property(a => a.Status).HasConversion<string>();
            b.Ignore(a => a.Location);
            b.Ignore(a => a.DeployedAwayFromDestination);
        });
        modelBuilder.Entity<HandoverCertificate>(b =>
        {
            HasRowVersion(b);
            b.HasKey(h => h.Id);
            b.HasIndex(h => h.Number).IsUnique();
            b.HasIndex(h => h.DonorCode);
            b.HasIndex(h => new { h.HandedOverOn, h.Number });              // the history's default order
        });
        modelBuilder.Entity<CustodyEntry>(b =>
        {
            b.ToTable("custody_log");
            b.HasKey(c => c.Id);
            b.HasIndex(c => new { c.AssetId, c.Id });
            b.Property(c => c.Action).HasConversion<string>();
        });
        modelBuilder.Entity<AssetNote>(b =>
        {
            b.HasKey(n => n.Id);
            b.HasIndex(n => new { n.AssetId, n.At });
            b.Ignore(n => n.DetailWords);
        });
        modelBuilder.Entity<StockTake>(b =>
        {
            HasRowVersion(b);
            b.HasKey(t => t.Id);
            b.Property(t => t.PlaceCode).HasMaxLength(100);
            b.Property(t => t.OpenPlaceCode).HasMaxLength(100);
            b.HasIndex(t => t.OpenPlaceCode).IsUnique();                 // one open count per place: NULLs (closed counts) do not collide
            b.HasIndex(t => new { t.PlaceCode, t.OpenedAt });
            b.HasIndex(t => t.OpenedAt);
            b.Property(t => t.Status).HasConversion<string>();
            b.Property(t => t.PlaceKind).HasConversion<string>();
            b.OwnsMany(t => t.Missing, m =>
            {
                m.ToJson();
                m.Property(x => x.Status).HasConversion<string>();
            });
        });
        modelBuilder.Entity<StockTakeScan>(b =>
        {
            b.HasKey(s => s.Id);
            b.Property(s => s.SerialNumber).HasMaxLength(100);
            b.HasIndex(s => new { s.StockTakeId, s.SerialNumber }).IsUnique();   // a serial counts once per count, whoever races
            b.Property(s => s.Result).HasConversion<string>();
            b.Property(s => s.AssetStatus).HasConversion<string>();
        });
        modelBuilder.Entity<ImportJob>(b =>
        {
            b.HasKey(j => j.Id);
            b.Property(j => j.Status).HasConversion<string>();
            b.Property(j => j.ClaimedBy).HasMaxLength(200).IsConcurrencyToken();
            b.Property(j => j.ClaimedUntil).IsConcurrencyToken();       // a job taken over by another instance is never written by both
            b.HasIndex(j => new { j.Status, j.CreatedAt });
            b.OwnsMany(j => j.Errors, e => e.ToJson());
        });
    }
}
