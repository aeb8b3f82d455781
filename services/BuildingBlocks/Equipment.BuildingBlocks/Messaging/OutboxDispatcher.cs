using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.BuildingBlocks.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for due rows when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public int BatchSize { get; set; } = 100;
    /// <summary>/health/ready turns Degraded when more rows than this wait.</summary>
    public int DegradedBacklog { get; set; } = 100;
    /// <summary>/health/ready turns Degraded when the oldest waiting row is older than this.</summary>
    public TimeSpan DegradedAge { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Published rows are kept this long for diagnosis, then deleted.</summary>
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Capped exponential backoff: first delay × 2^(attempts−1), never more than the cap.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        if (attempts <= 1) return Min(FirstRetryDelay, MaxRetryDelay);
        var exponent = Math.Min(attempts - 1, 30);
        var ticks = FirstRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>Wakes the dispatcher right after a SaveChanges instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* another thread already woke it: one wake-up is enough */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Publishes pending outbox rows oldest first; a row is marked published only after the sidecar answered 204.
/// A failure is logged, counted on the row and retried with capped exponential backoff: nothing is ever dropped.
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : ServiceDbContext
{
    private DateTime _nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var publisher = scope.ServiceProvider.GetRequiredService<IOutboxPublisher>();
                var outcome = await DispatchDueAsync(db, publisher, options, clock, logger, stoppingToken);
                await DeleteOldPublishedAsync(db, stoppingToken);
                if (outcome == DispatchOutcome.MoreWaiting) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError(e, "Outbox dispatch failed on the database; retrying after {Delay}", options.PollInterval);
            }

            try { await signal.WaitAsync(options.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass over the due rows, oldest first. Stops at the first failure: the sidecar is likely down.</summary>
    public static async Task<DispatchOutcome> DispatchDueAsync(
        TDbContext db, IOutboxPublisher publisher, OutboxOptions options, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.PublishedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Sequence)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var message in due)
        {
            var result = await publisher.PublishAsync(message, cancellationToken);
            now = clock.GetUtcNow().UtcDateTime;
            if (result.IsPublished)
            {
                message.MarkPublished(now);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var retryIn = options.RetryDelay(message.Attempts + 1);
            message.MarkFailed(result.Error ?? "unknown", now, retryIn);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Publishing {Topic} event {EventId} failed (attempt {Attempts}), retrying in {RetryIn}: {Error}",
                message.Topic, message.EventId, message.Attempts, retryIn, result.Error);
            return DispatchOutcome.Failed;
        }

        return due.Count == options.BatchSize ? DispatchOutcome.MoreWaiting : DispatchOutcome.Drained;
    }

    private async Task DeleteOldPublishedAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddHours(1);
        var cutoff = now - options.PublishedRetention;
        await db.OutboxMessages.Where(m => m.PublishedAt != null && m.PublishedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

public enum DispatchOutcome { Drained, MoreWaiting, Failed }
