using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>Reports the outbox backlog and the age of its oldest row; Degraded above the configured thresholds.</summary>
public sealed class OutboxHealthCheck<TDbContext>(TDbContext db, OutboxOptions options, TimeProvider clock) : IHealthCheck
    where TDbContext : ServiceDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = db.OutboxMessages.Where(m => m.PublishedAt == null);
        var backlog = await pending.CountAsync(cancellationToken);
        var oldest = await pending.OrderBy(m => m.Sequence).Select(m => (DateTime?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } o ? clock.GetUtcNow().UtcDateTime - o : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog,
            ["oldestPendingAgeSeconds"] = Math.Round(Math.Max(age.TotalSeconds, 0), 1),
        };
        if (backlog > options.DegradedBacklog || age > options.DegradedAge)
            return HealthCheckResult.Degraded($"outbox backlog {backlog}, oldest pending {age.TotalSeconds:F0}s", data: data);
        return HealthCheckResult.Healthy($"outbox backlog {backlog}", data);
    }
}

/// <summary>
/// Whether the sidecar answers (daprd's <c>/v1.0/healthz/outbound</c>, via the Dapr SDK). Degraded, not Unhealthy, when it
/// does not: the service still answers its users and keeps its events in the outbox until the sidecar is back, so it
/// must stay in the gateway's rotation.
/// </summary>
public sealed class SidecarHealthCheck(Dapr.Client.DaprClient dapr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await dapr.CheckOutboundHealthAsync(cancellationToken)
            ? HealthCheckResult.Healthy("sidecar answers")
            : HealthCheckResult.Degraded("sidecar does not answer: events wait in the outbox");
}

public sealed class DatabaseHealthCheck<TDbContext>(TDbContext db) : IHealthCheck where TDbContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}

/// <summary>
/// Wakes the outbox dispatcher after every successful SaveChanges, and after every commit: rows saved inside a
/// transaction are visible to the dispatcher's connection only once it commits (on PostgreSQL it would otherwise find
/// nothing and wait for its next poll).
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }
}
