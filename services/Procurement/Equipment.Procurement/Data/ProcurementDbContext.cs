using System.Text.Json;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Equipment.Procurement.Data;

public abstract class ProcurementDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<KnownGrant> KnownGrants => Set<KnownGrant>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    public DbSet<ProcedureRuleSet> RuleSets => Set<ProcedureRuleSet>();
    public DbSet<Tender> Tenders => Set<Tender>();
    public DbSet<Bid> Bids => Set<Bid>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<DeliveryMilestone> DeliveryMilestones => Set<DeliveryMilestone>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<KnownGrant>(b =>
        {
            b.HasKey(g => g.GrantId);
            b.HasMany(g => g.BudgetLines).WithOne().HasForeignKey(l => l.GrantId);
            b.Navigation(g => g.BudgetLines).AutoInclude();
        });
        modelBuilder.Entity<BudgetLine>(b =>
        {
            b.HasKey(l => new { l.GrantId, l.Code });
            b.Property(l => l.Committed).IsConcurrencyToken();
            b.Ignore(l => l.Available);
        });
        modelBuilder.Entity<Supplier>(b =>
        {
            HasRowVersion(b);
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.CountryOfEstablishment, s.RegistrationNumber }).IsUnique();
            b.HasIndex(s => s.LegalName);
        });
        modelBuilder.Entity<Requisition>(b =>
        {
            HasRowVersion(b);
            b.HasKey(r => r.Id);
            b.HasIndex(r => new { r.DonorCode, r.GrantId, r.Status });
            b.HasIndex(r => new { r.Status, r.RaisedAt });                    // the requisition list's default order, of a status or all
            b.HasIndex(r => r.RequiredBy);
            b.Property(r => r.Status).HasConversion<string>();
            b.Ignore(r => r.EstimatedValue);
        });
        modelBuilder.Entity<ProcedureRuleSet>(b =>
        {
            b.HasKey(r => r.Edition);
            b.OwnsMany(r => r.Rules, r => r.ToJson());
        });
        modelBuilder.Entity<Tender>(b =>
        {
            HasRowVersion(b);
            b.HasKey(t => t.Id);
            b.HasIndex(t => t.Reference).IsUnique();
            b.HasIndex(t => new { t.DonorCode, t.GrantId });
            b.HasIndex(t => t.CreatedAt);
            b.Property(t => t.Procedure).HasConversion<string>();
            b.Property(t => t.AwardMethod).HasConversion<string>();
            b.OwnsMany(t => t.QualityCriteria, c => c.ToJson());
            b.OwnsMany(t => t.Lots, l =>
            {
                l.ToJson();
                l.Property(x => x.Status).HasConversion<string>();
                l.OwnsMany(x => x.Lines);
                l.Ignore(x => x.EstimatedValue);
            });
            b.Navigation(t => t.Lots).HasField("_lots");
            b.OwnsMany(t => t.Clarifications, c => c.ToJson());
            b.Navigation(t => t.Clarifications).HasField("_clarifications");
            b.OwnsOne(t => t.EvaluationCommittee, c =>
            {
                c.ToJson();
                c.OwnsOne(x => x.Chair);
                c.OwnsOne(x => x.Secretary);
                c.OwnsMany(x => x.Evaluators);
            });
            b.Ignore(t => t.IsFinal);
            b.Ignore(t => t.TenderStatus);
        });
        modelBuilder.Entity<Bid>(b =>
        {
            HasRowVersion(b);
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.TenderId, x.LotNumber, x.SupplierId }).IsUnique();
            b.OwnsMany(x => x.Lines, l => l.ToJson());
            b.Property(x => x.QualityScores).HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<Dictionary<string, decimal>>(v, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, decimal>>((a, c) => a!.Count == c!.Count && !a.Except(c).Any(), v => v.Count, v => v.ToDictionary()));
            b.Ignore(x => x.IsEvaluated);
            b.Ignore(x => x.IsCompliant);
        });
        modelBuilder.Entity<Contract>(b =>
        {
            HasRowVersion(b);
            b.HasKey(c => c.Id);
            b.HasIndex(c => c.Reference).IsUnique();
            b.HasIndex(c => new { c.DonorCode, c.GrantId });
            b.HasIndex(c => new { c.TenderId, c.LotNumber }).IsUnique();
            b.Property(c => c.Status).HasConversion<string>();
            b.Ignore(c => c.TotalValue);
            b.OwnsMany(c => c.Lines, l => l.ToJson());
            b.Navigation(c => c.Lines).HasField("_lines");
            b.OwnsMany(c => c.Versions, v =>
            {
                v.ToJson();
                v.OwnsMany(x => x.Lines);
            });
            b.Navigation(c => c.Versions).HasField("_versions");
        });
        modelBuilder.Entity<DeliveryMilestone>(b =>
        {
            b.HasKey(m => m.GoodsReceivedNoteId);
            b.HasIndex(m => m.ContractId);
        });
    }
}
