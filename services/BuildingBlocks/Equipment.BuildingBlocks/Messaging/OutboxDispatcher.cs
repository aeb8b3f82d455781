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
    /// <summary>
    /// How long a dispatcher's lease on the rows it claimed runs (renewed while it works through them); when an instance
    /// dies holding rows, another one takes them over after this.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Names this instance in <c>ClaimedBy</c>; by default the host name, the process id and a random suffix.</summary>
    public string? InstanceId { get; set; }

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
/// Publishes pending outbox rows oldest first, a batch at a time: each run of consecutive rows of one topic goes to the
/// sidecar in one call (a bulk publish), and a row is marked published only after the sidecar accepted it (the marks
/// of a batch in one UPDATE). The dispatcher is woken by every commit (<see cref="OutboxSignal"/>).
/// A failure is logged, counted on the row and retried with capped exponential backoff: nothing is ever dropped.
/// Several instances may run against one database: each pass first claims a batch (a lease: <c>ClaimedBy</c>,
/// <c>ClaimedUntil</c>, taken with one conditional UPDATE that works on SQLite and PostgreSQL alike), and only the
/// holder publishes those rows. A batch is claimed only while no other instance holds a live lease on a waiting row,
/// and is given back if an older waiting row turns out to be held by another, so that at any time one instance
/// publishes, oldest first: the order of events is the same as with a single instance.
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : ServiceDbContext
{
    private DateTime _nextCleanup = DateTime.MinValue;
    private long _nextMeasure;
    private readonly string _owner = options.InstanceId is { Length: > 0 } id ? id : NewInstanceId();

    /// <summary>Host name, process id and a random suffix (two hosts in one process are two instances).</summary>
    public static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length > 200 ? id[^200..] : id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var publisher = scope.ServiceProvider.GetRequiredService<IOutboxPublisher>();
                var outcome = await DispatchDueAsync(db, publisher, options, clock, logger, _owner, stoppingToken);
                await DeleteOldPublishedAsync(db, stoppingToken);
                await MeasureBacklogAsync(db, stoppingToken);
                if (outcome == DispatchOutcome.MoreWaiting) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException })
            {
                logger.LogError(e, "Outbox dispatch failed on the database; retrying after {Delay}", options.PollInterval);
            }

            try { await signal.WaitAsync(options.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass as a single instance (a new owner each time; its leases are given back at the end of the pass).</summary>
    public static Task<DispatchOutcome> DispatchDueAsync(
        TDbContext db, IOutboxPublisher publisher, OutboxOptions options, TimeProvider clock, ILogger logger, CancellationToken cancellationToken) =>
        DispatchDueAsync(db, publisher, options, clock, logger, NewInstanceId(), cancellationToken);

    /// <summary>
    /// One pass over the due rows, oldest first, as <paramref name="owner"/>: claim a batch, publish it run by run of
    /// one topic, mark what was published in one UPDATE, give back what is left. Stops after the first run with a
    /// failure (the sidecar is likely down; the failed rows are retried with backoff) and when the lease is lost. A crash between a publish and its mark publishes that row again later: consumers deduplicate
    /// on the event id.
    /// </summary>
    public static async Task<DispatchOutcome> DispatchDueAsync(
        TDbContext db, IOutboxPublisher publisher, OutboxOptions options, TimeProvider clock, ILogger logger, string owner, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(db, options, clock.GetUtcNow().UtcDateTime, owner, cancellationToken);
        if (claimed.Count == 0) return DispatchOutcome.Drained;
        var published = new List<long>();
        var marked = 0;
        try
        {
            var leaseUntil = clock.GetUtcNow().UtcDateTime + options.ClaimDuration;
            // Runs of consecutive rows of one topic, each published in one call, in the order of the rows.
            for (var i = 0; i < claimed.Count;)
            {
                var run = claimed.Skip(i).TakeWhile(m => m.Topic == claimed[i].Topic).ToList();
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= leaseUntil - options.ClaimDuration / 2)
                {
                    if (!await MarkPublishedAsync()) return DispatchOutcome.Failed;
                    leaseUntil = now + options.ClaimDuration;
                    var renewed = await db.OutboxMessages
                        .Where(m => m.ClaimedBy == owner && m.PublishedAt == null && m.ClaimedUntil > now)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, leaseUntil), cancellationToken);
                    if (renewed < claimed.Count - i)
                    {
                        logger.LogWarning("Outbox lease of {Owner} ran out before {EventId}: another instance goes on", owner, run[0].EventId);
                        return DispatchOutcome.Failed;
                    }
                }

                var results = await publisher.PublishBatchAsync(run, cancellationToken);
                var failures = new List<(OutboxMessage Message, string Error)>();
                for (var r = 0; r < results.Count; r++)
                {
                    if (results[r].IsPublished) published.Add(run[r].Sequence);
                    else failures.Add((run[r], results[r].Error ?? "unknown"));
                }
                if (failures.Count == 0 && results.Count == run.Count)
                {
                    i += run.Count;
                    continue;
                }

                if (!await MarkPublishedAsync()) return DispatchOutcome.Failed;
                now = clock.GetUtcNow().UtcDateTime;
                foreach (var (message, failure) in failures)
                {
                    var attempts = message.Attempts + 1;
                    var retryIn = options.RetryDelay(attempts);
                    var error = failure.Length > 1000 ? failure[..1000] : failure;
                    var failedSequence = message.Sequence;
                    var nextAttemptAt = now + retryIn;
                    await db.OutboxMessages
                        .Where(m => m.Sequence == failedSequence && m.ClaimedBy == owner)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Attempts, attempts)
                            .SetProperty(m => m.LastError, error)
                            .SetProperty(m => m.NextAttemptAt, nextAttemptAt), cancellationToken);
                    logger.LogWarning("Publishing {Topic} event {EventId} failed (attempt {Attempts}), retrying in {RetryIn}: {Error}",
                        message.Topic, message.EventId, attempts, retryIn, failure);
                }
                return DispatchOutcome.Failed;
            }

            if (!await MarkPublishedAsync()) return DispatchOutcome.Failed;
            return claimed.Count == options.BatchSize ? DispatchOutcome.MoreWaiting : DispatchOutcome.Drained;
        }
        finally
        {
            if (marked < claimed.Count) await ReleaseAsync(db, owner, CancellationToken.None);
        }

        // Marks the rows published since the last mark; false when some of them were no longer this owner's.
        async Task<bool> MarkPublishedAsync()
        {
            if (published.Count == marked) return true;
            var sequences = published.Skip(marked).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var count = await db.OutboxMessages
                .Where(m => sequences.Contains(m.Sequence) && m.ClaimedBy == owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.PublishedAt, now)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            marked = published.Count;
            if (count == sequences.Count) return true;
            logger.LogWarning("{Count} outbox rows were published after {Owner}'s lease ran out", sequences.Count - count, owner);
            return false;
        }
    }

    /// <summary>
    /// Claims the oldest due rows for <paramref name="owner"/> and returns them, oldest first; none when another
    /// instance holds a live lease on a waiting row. One conditional UPDATE: on PostgreSQL two instances racing for the
    /// same rows serialise on their row locks and the loser's re-checked condition fails; SQLite has a single writer.
    /// </summary>
    public static async Task<List<OutboxMessage>> ClaimAsync(TDbContext db, OutboxOptions options, DateTime now, string owner, CancellationToken cancellationToken)
    {
        var until = now + options.ClaimDuration;
        var window = db.OutboxMessages
            .Where(m => m.PublishedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Sequence)
            .Take(options.BatchSize)
            .Select(m => m.Sequence);
        await db.OutboxMessages
            .Where(m => window.Contains(m.Sequence)
                // Checked on the row itself too: on PostgreSQL an UPDATE that waited for another instance's lock checks
                // again only its row's own conditions, not the subqueries, and a row just published must stay as marked.
                && m.PublishedAt == null
                && (m.ClaimedUntil == null || m.ClaimedUntil <= now || m.ClaimedBy == owner)
                && !db.OutboxMessages.Any(o => o.PublishedAt == null && o.ClaimedUntil > now && o.ClaimedBy != owner))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, owner).SetProperty(m => m.ClaimedUntil, until), cancellationToken);

        var mine = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimedBy == owner && m.PublishedAt == null && m.ClaimedUntil > now)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        if (mine.Count == 0) return mine;

        // Two claims that raced (each saw the other's lease not yet written) can only have taken the same oldest rows,
        // of which the loser got none, or, when rows were added meanwhile, newer ones: the holder of newer rows gives
        // them back, so that the rows are still published oldest first by one instance.
        var first = mine[0].Sequence;
        if (await db.OutboxMessages.AnyAsync(o => o.Sequence < first && o.PublishedAt == null && o.ClaimedUntil > now && o.ClaimedBy != owner, cancellationToken))
        {
            await ReleaseAsync(db, owner, cancellationToken);
            return [];
        }
        return mine;
    }

    /// <summary>Gives back the lease on every row of <paramref name="owner"/> not published.</summary>
    public static Task<int> ReleaseAsync(TDbContext db, string owner, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(m => m.ClaimedBy == owner && m.PublishedAt == null && m.ClaimedUntil != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);

    /// <summary>The backlog gauges (<c>equipment.outbox.backlog</c>, <c>equipment.outbox.oldest_age</c>), at most once a second.</summary>
    private async Task MeasureBacklogAsync(TDbContext db, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 < _nextMeasure) return;   // real time: a test's clock may stand still
        _nextMeasure = Environment.TickCount64 + 1000;
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = db.OutboxMessages.Where(m => m.PublishedAt == null);
        var backlog = await pending.CountAsync(cancellationToken);
        var oldest = backlog == 0 ? null : await pending.OrderBy(m => m.Sequence).Select(m => (DateTime?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        Hosting.Telemetry.Outbox.Backlog = backlog;
        Hosting.Telemetry.Outbox.OldestAgeSeconds = oldest is { } o ? Math.Max((now - o).TotalSeconds, 0) : 0;
    }

    /// <summary>Deletes published rows past their retention: safe on every instance at once (a row is deleted once, the others delete nothing).</summary>
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
