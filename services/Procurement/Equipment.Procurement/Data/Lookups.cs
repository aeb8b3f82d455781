using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Data;

/// <summary>Loading what the use cases act on; a monitor of another donor gets 404, as if it did not exist.</summary>
public static class Lookups
{
    public static readonly string[] Readers = [Roles.ProcurementOfficer, Roles.Administrator, Roles.DonorMonitor];

    public static async Task<Tender> TenderAsync(this ProcurementDbContext db, Guid tenderId, string? donorScope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId && (donorScope == null || t.DonorCode == donorScope), cancellationToken)
            ?? throw new NotFoundException($"No tender {tenderId}.");
        tender.Refresh(clock.GetUtcNow().UtcDateTime);
        return tender;
    }

    public static async Task<KnownGrant> GrantAsync(this ProcurementDbContext db, Guid grantId, string field, CancellationToken cancellationToken) =>
        await db.KnownGrants.SingleOrDefaultAsync(g => g.GrantId == grantId, cancellationToken)
        ?? throw new RuleViolationException(field, "KnownGrant",
            $"Grant {grantId} is not known to procurement: it must be registered in donor-reporting first.");

    public static async Task<Supplier> SupplierAsync(this ProcurementDbContext db, Guid supplierId, string field, CancellationToken cancellationToken) =>
        await db.Suppliers.FindAsync([supplierId], cancellationToken)
        ?? throw new RuleViolationException(field, "RegisteredSupplier", $"No supplier {supplierId} is registered.");

    public static async Task<Contract> ContractAsync(this ProcurementDbContext db, Guid contractId, string? donorScope, CancellationToken cancellationToken) =>
        await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId && (donorScope == null || c.DonorCode == donorScope), cancellationToken)
        ?? throw new NotFoundException($"No contract {contractId}.");

    public static async Task<ProcedureRuleSet> RulesInForceAsync(this ProcurementDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var sets = await db.RuleSets.ToListAsync(cancellationToken);
        return sets.Where(s => s.EffectiveFrom <= today).OrderByDescending(s => s.EffectiveFrom).FirstOrDefault()
            ?? throw new InvalidOperationException("No PRAG rule set is in force; the service seeds one at start.");
    }

    /// <summary>An edition by name: the one a tender was built under.</summary>
    public static async Task<ProcedureRuleSet> RuleSetAsync(this ProcurementDbContext db, string edition, CancellationToken cancellationToken) =>
        await db.RuleSets.SingleOrDefaultAsync(r => r.Edition == edition, cancellationToken)
        ?? throw new NotFoundException($"No PRAG rule set '{edition}' is known.");
}

/// <summary>Stores the PRAG rule sets the service knows, once, at start.</summary>
public sealed class RuleSetSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProcurementDbContext>();
        foreach (var known in ProcedureRuleSet.Known)
        {
            if (await db.RuleSets.AnyAsync(r => r.Edition == known.Edition, cancellationToken)) continue;
            db.RuleSets.Add(known);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // Another replica starting at the same time stored it first; anything else is a real failure.
                if (!await db.RuleSets.AsNoTracking().AnyAsync(r => r.Edition == known.Edition, cancellationToken)) throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
