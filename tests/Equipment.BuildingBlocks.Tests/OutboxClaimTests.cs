using System.Collections.Concurrent;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.BuildingBlocks.Tests;

/// <summary>The outbox lease on SQLite: one instance publishes a row, oldest first, and a dead instance's rows are taken over.</summary>
public class OutboxClaimTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { BatchSize = 3, ClaimDuration = TimeSpan.FromSeconds(30) };

    public void Dispose() => _database.Dispose();

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var db = _database.Open();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Publish(new NoteWritten($"note {i}") { EventId = id, OccurredAt = _clock.Now });
            ids.Add(id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(string owner)
    {
        await using var db = _database.Open();
        return await OutboxDispatcher<TestDbContext>.ClaimAsync(db, _options, _clock.Now.UtcDateTime, owner, CancellationToken.None);
    }

    [Fact]
    public async Task A_claim_takes_the_oldest_batch_and_nobody_else_claims_while_its_lease_runs()
    {
        var ids = await EnqueueAsync(5);

        var a = await ClaimAsync("a");
        Assert.Equal(ids.Take(3), a.Select(m => m.EventId));
        Assert.Empty(await ClaimAsync("b"));                    // not even the two newer rows: that would break the order

        await using var db = _database.Open();
        var rows = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync();
        Assert.All(rows.Take(3), m => { Assert.Equal("a", m.ClaimedBy); Assert.Equal(_clock.Now.UtcDateTime.AddSeconds(30), m.ClaimedUntil); });
        Assert.All(rows.Skip(3), m => Assert.Null(m.ClaimedBy));
    }

    [Fact]
    public async Task The_rows_of_an_instance_that_died_are_taken_over_when_its_lease_runs_out()
    {
        var ids = await EnqueueAsync(2);
        Assert.Equal(2, (await ClaimAsync("a")).Count);          // a dies here, holding both

        _clock.Now = _clock.Now.AddSeconds(29);
        Assert.Empty(await ClaimAsync("b"));
        _clock.Now = _clock.Now.AddSeconds(1);
        Assert.Equal(ids, (await ClaimAsync("b")).Select(m => m.EventId));
    }

    [Fact]
    public async Task A_claim_that_raced_for_newer_rows_gives_them_back()
    {
        await EnqueueAsync(4);
        Assert.Equal(3, (await ClaimAsync("a")).Count);
        await using (var db = _database.Open())                 // what a racing claim could leave: b holding a newer row
            await db.Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET ClaimedBy = 'b', ClaimedUntil = {0} WHERE Sequence = 4",
                _clock.Now.UtcDateTime.AddSeconds(30));

        Assert.Empty(await ClaimAsync("b"));
        await using var check = _database.Open();
        Assert.Null((await check.OutboxMessages.SingleAsync(m => m.Sequence == 4)).ClaimedUntil);
        Assert.Equal(3, await check.OutboxMessages.CountAsync(m => m.ClaimedBy == "a" && m.ClaimedUntil != null));
    }

    [Fact]
    public async Task A_pass_gives_back_what_it_did_not_publish_and_a_lost_lease_stops_it()
    {
        await EnqueueAsync(3);
        var refusing = new CountingPublisher { RefuseFrom = 1 };
        await using (var db = _database.Open())
            Assert.Equal(DispatchOutcome.Failed, await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, refusing, _options, _clock, NullLogger.Instance, "a", CancellationToken.None));
        await using (var db = _database.Open())
        {
            var rows = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync();
            Assert.NotNull(rows[0].PublishedAt);
            Assert.Equal(1, rows[1].Attempts);
            Assert.All(rows, m => Assert.Null(m.ClaimedUntil));  // released: another instance may go on at once
        }

        _clock.Now = _clock.Now.AddSeconds(5);
        var publisher = new CountingPublisher();
        await using (var db = _database.Open())
            await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, publisher, _options, _clock, NullLogger.Instance, "b", CancellationToken.None);
        Assert.Equal(2, publisher.Published.Count);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_publish_every_row_once_and_oldest_first()
    {
        var ids = await EnqueueAsync(300);
        var publisher = new CountingPublisher();
        var options = new OutboxOptions { BatchSize = 10, ClaimDuration = TimeSpan.FromSeconds(30) };

        async Task RunAsync(string owner)
        {
            for (var idle = 0; idle < 20;)
            {
                await using var db = _database.Open();
                try
                {
                    var outcome = await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, publisher, options, TimeProvider.System, NullLogger.Instance, owner, CancellationToken.None);
                    idle = outcome == DispatchOutcome.MoreWaiting ? 0 : idle + 1;
                }
                catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5) { }   // busy: the other one writes
                await Task.Delay(5);
            }
        }

        await Task.WhenAll(Task.Run(() => RunAsync("a")), Task.Run(() => RunAsync("b")));

        Assert.Equal(ids, publisher.Published.Select(p => p.EventId));
        Assert.True(publisher.Published.Select(p => p.Owner).Distinct().Count() >= 1);
        await using var check = _database.Open();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.PublishedAt == null));
    }

    private sealed class CountingPublisher : IOutboxPublisher
    {
        private int _count;
        public int RefuseFrom { get; init; } = int.MaxValue;
        public ConcurrentQueue<(Guid EventId, string? Owner)> Published { get; } = new();

        public Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) > RefuseFrom) return Task.FromResult(PublishResult.Failed("refused"));
            Published.Enqueue((message.EventId, message.ClaimedBy));
            return Task.FromResult(PublishResult.Published);
        }
    }
}
