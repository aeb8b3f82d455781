using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Features.Faults;

/// <summary>
/// Once per database, at start: publishes <c>maintenance.fault-reported</c> for every fault and
/// <c>maintenance.fault-repaired</c> for every completed corrective work order of a fault recorded before these events
/// existed, so that the donor's reliability figures count the whole history of an upgraded system, not only what
/// happens after the upgrade. Each event's id is the fault's or work order's id: a second publisher (two replicas
/// starting together) fails on the outbox's unique event id and on the marker, writes nothing, and carries on.
/// </summary>
public sealed class AnnounceFaultHistory(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AnnounceFaultHistory> log) : IHostedService
{
    public const string Name = "fault-history-announced";

    public async Task StartAsync(CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Publishes what was never announced; returns how many events it wrote (0 when it already ran).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaintenanceDbContext>();
        if (await db.Backfills.AnyAsync(b => b.Name == Name, cancellationToken)) return 0;

        var now = clock.GetUtcNow();
        var grants = await db.Assets.AsNoTracking().ToDictionaryAsync(a => a.AssetId, a => a.GrantId, cancellationToken);
        var faults = (await db.Faults.AsNoTracking().ToListAsync(cancellationToken)).Where(f => grants.ContainsKey(f.AssetId)).ToDictionary(f => f.Id);
        var repairs = await db.WorkOrders.AsNoTracking()
            .Where(w => w.Kind == WorkOrderKind.Corrective && w.Status == WorkOrderStatus.Completed && w.FaultReportId != null)
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var fault in faults.Values)
        {
            db.Publish(new FaultReported(fault.Id, fault.AssetId, grants[fault.AssetId], new DateTimeOffset(fault.ReportedAt, TimeSpan.Zero), fault.Severity)
                { OccurredAt = now, EventId = fault.Id });
            published++;
        }
        foreach (var order in repairs.Where(w => w.CompletedOn is not null && faults.ContainsKey(w.FaultReportId!.Value)))
        {
            var fault = faults[order.FaultReportId!.Value];
            db.Publish(new FaultRepaired(fault.Id, order.Id, order.AssetId, grants[order.AssetId], new DateTimeOffset(fault.ReportedAt, TimeSpan.Zero), order.CompletedOn!.Value)
                { OccurredAt = now, EventId = order.Id });
            published++;
        }
        db.Backfills.Add(new Backfill(Name, now.UtcDateTime, published));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another instance starting at the same time announced the history first; anything else is a real failure.
            if (!await db.Backfills.AsNoTracking().AnyAsync(b => b.Name == Name, cancellationToken)) throw;
            return 0;
        }
        if (published > 0) log.LogInformation("Announced the fault history recorded before its events existed: {Events} events", published);
        return published;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
