using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.BuildingBlocks.Tests;

public class OutboxDispatcherTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly OutboxOptions _options = new() { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30) };
    private readonly FakeSidecar _sidecar = new();

    public void Dispose() => _database.Dispose();


    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        await using var db = _database.Open();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Notes.Add(new Note { Text = $"note {i}" });
            db.Publish(new NoteWritten($"note {i}") { EventId = id, OccurredAt = _clock.Now });
            ids.Add(id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    private async Task<DispatchOutcome> DispatchAsync()
    {
        await using var db = _database.Open();
        return await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, _sidecar, _options, _clock, NullLogger.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Publishes_oldest_first_as_our_own_cloud_events_and_marks_them_published()
    {
        var ids = await EnqueueAsync(3);
        Assert.Equal(DispatchOutcome.Drained, await DispatchAsync());

        Assert.Equal(ids.Select(i => i.ToString()), _sidecar.Requests.Select(r => r.Body["id"]!.GetValue<string>()));
        var first = _sidecar.Requests[0];
        Assert.Equal("notes.written", first.Topic);
        Assert.Equal("procurement", first.Body["source"]!.GetValue<string>());
        Assert.Equal("NoteWritten", first.Body["type"]!.GetValue<string>());
        Assert.Equal("1.0", first.Body["specversion"]!.GetValue<string>());
        Assert.Equal("application/json", first.Body["datacontenttype"]!.GetValue<string>());
        Assert.Equal("note 0", first.Body["data"]!["text"]!.GetValue<string>());
        Assert.NotNull(first.Body["time"]);

        await using var db = _database.Open();
        Assert.All(await db.OutboxMessages.ToListAsync(), m => Assert.Equal(_clock.Now.UtcDateTime, m.PublishedAt));
    }

    [Fact]
    public async Task A_batch_is_published_in_order_and_marked_at_once_and_a_failure_midway_keeps_what_was_published()
    {
        var ids = await EnqueueAsync(250);                     // more than one batch (100)
        _sidecar.RefuseAfter = 130;

        Assert.Equal(DispatchOutcome.MoreWaiting, await DispatchAsync());
        Assert.Equal(DispatchOutcome.Failed, await DispatchAsync());   // the 131st is refused
        await using (var db = _database.Open())
        {
            var rows = await db.OutboxMessages.OrderBy(m => m.Sequence).ToListAsync();
            Assert.All(rows.Take(130), m => Assert.Equal((_clock.Now.UtcDateTime, (DateTime?)null), (m.PublishedAt!.Value, m.ClaimedUntil)));
            Assert.Equal((null, 1), (rows[130].PublishedAt, rows[130].Attempts));
            Assert.All(rows.Skip(130), m => Assert.Null(m.ClaimedUntil));   // the rest given back, not held by a dead lease
        }

        _sidecar.RefuseAfter = null;
        _clock.Now = _clock.Now.AddSeconds(1);
        while (await DispatchAsync() == DispatchOutcome.MoreWaiting) { }

        var accepted = _sidecar.Requests.Select(r => r.Body["id"]!.GetValue<string>()).Where((_, i) => i != 130).ToList();
        Assert.Equal(ids.Select(i => i.ToString()), accepted);   // each once, oldest first, the refused one again in its place
        await using (var db = _database.Open())
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.PublishedAt == null));
    }

    [Fact]
    public async Task Each_run_of_one_topic_goes_in_one_bulk_call_in_order_and_a_refused_entry_is_retried_without_publishing_the_others_twice()
    {
        // Three notes, each written then archived, interleaved as requests would commit them: W1 W2 A1 W3 A2 A3.
        var order = new[] { ("w", 1), ("w", 2), ("a", 1), ("w", 3), ("a", 2), ("a", 3) };
        await using (var db = _database.Open())
        {
            foreach (var (kind, note) in order)
            {
                if (kind == "w") db.Publish(new NoteWritten($"note {note}") { OccurredAt = _clock.Now });
                else db.Publish(new NoteArchived($"note {note}") { OccurredAt = _clock.Now });
                await db.SaveChangesAsync();
            }
        }
        var bulk = new BulkSidecar { RefuseText = "note 2", RefuseTopic = NoteArchived.Topic };

        await using (var db = _database.Open())
            Assert.Equal(DispatchOutcome.Failed, await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, bulk, _options, _clock, NullLogger.Instance, CancellationToken.None));

        // One call per run of one topic, in the order of the rows; the pass stops after the run with the refusal.
        Assert.Equal(["notes.written:note 1,note 2", "notes.archived:note 1", "notes.written:note 3", "notes.archived:note 2,note 3"], bulk.Calls);
        bulk.RefuseText = null;
        _clock.Now = _clock.Now.AddSeconds(1);
        await using (var db = _database.Open())
            Assert.Equal(DispatchOutcome.Drained, await OutboxDispatcher<TestDbContext>.DispatchDueAsync(db, bulk, _options, _clock, NullLogger.Instance, CancellationToken.None));

        Assert.Equal("notes.archived:note 2", bulk.Calls[^1]);                 // only the refused one again
        Assert.Equal(6, bulk.Accepted.Distinct().Count());
        Assert.Equal(6, bulk.Accepted.Count);                                 // nothing published twice
        foreach (var note in new[] { "note 1", "note 3" })                     // per note: written before archived
            Assert.True(bulk.Accepted.IndexOf($"notes.written:{note}") < bulk.Accepted.IndexOf($"notes.archived:{note}"));
        await using (var check = _database.Open())
            Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.PublishedAt == null));
    }

    [Fact]
    public async Task Only_an_accepted_publish_counts_and_a_failure_backs_off_exponentially_up_to_the_cap()
    {
        await EnqueueAsync(2);
        _sidecar.Refuses = true;

        Assert.Equal(DispatchOutcome.Failed, await DispatchAsync());
        Assert.Single(_sidecar.Requests);                     // stops at the first failure: the sidecar is likely down
        await using (var db = _database.Open())
        {
            var first = await db.OutboxMessages.OrderBy(m => m.Sequence).FirstAsync();
            Assert.Null(first.PublishedAt);
            Assert.Equal(1, first.Attempts);
            Assert.Equal(_clock.Now.UtcDateTime.AddSeconds(1), first.NextAttemptAt);
            Assert.Contains("Unavailable", first.LastError);
        }

        _clock.Now = _clock.Now.AddSeconds(1);                 // due again, still refused: nothing is marked published
        await DispatchAsync();
        await using (var db = _database.Open())
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.PublishedAt != null));

        Assert.Equal(TimeSpan.FromSeconds(1), _options.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(2), _options.RetryDelay(2));
        Assert.Equal(TimeSpan.FromSeconds(16), _options.RetryDelay(5));
        Assert.Equal(TimeSpan.FromSeconds(30), _options.RetryDelay(6));
        Assert.Equal(TimeSpan.FromSeconds(30), _options.RetryDelay(500));
    }

    [Fact]
    public async Task A_row_is_not_retried_before_its_backoff_and_is_published_once_the_sidecar_is_back()
    {
        var ids = await EnqueueAsync(1);
        _sidecar.Refuses = true;
        await DispatchAsync();
        _sidecar.Refuses = false;
        _sidecar.Requests.Clear();

        _clock.Now = _clock.Now.AddMilliseconds(500);
        Assert.Equal(DispatchOutcome.Drained, await DispatchAsync());
        Assert.Empty(_sidecar.Requests);                       // not due yet

        _clock.Now = _clock.Now.AddSeconds(1);
        await DispatchAsync();
        Assert.Equal(ids[0].ToString(), Assert.Single(_sidecar.Requests).Body["id"]!.GetValue<string>());
        await using var db = _database.Open();
        var row = await db.OutboxMessages.SingleAsync();
        Assert.NotNull(row.PublishedAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Health_turns_degraded_when_the_backlog_or_its_age_passes_the_threshold()
    {
        await EnqueueAsync(3);
        await using var db = _database.Open();
        var check = new OutboxHealthCheck<TestDbContext>(db, new OutboxOptions { DegradedBacklog = 5, DegradedAge = TimeSpan.FromMinutes(5) }, _clock);

        var healthy = await check.CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
        Assert.Equal(3, healthy.Data["backlog"]);

        _clock.Now = _clock.Now.AddMinutes(6);
        var old = await check.CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, old.Status);
        Assert.Equal(360.0, old.Data["oldestPendingAgeSeconds"]);
    }

    /// <summary>Plays the sidecar's side of a publish: records the CloudEvent that <see cref="DaprPublisher"/> would send, or refuses it.</summary>
    private sealed class FakeSidecar : IOutboxPublisher
    {
        public bool Refuses { get; set; }
        /// <summary>Refuses every publish after this many were accepted.</summary>
        public int? RefuseAfter { get; set; }
        public List<(string Topic, JsonNode Body)> Requests { get; } = [];

        public Task<PublishResult> PublishAsync(Equipment.BuildingBlocks.Data.OutboxMessage message, CancellationToken cancellationToken)
        {
            Requests.Add((message.Topic, JsonNode.Parse(DaprPublisher.Envelope(message, "procurement"))!));
            var refused = Refuses || (RefuseAfter is { } limit && Requests.Count > limit);
            return Task.FromResult(refused ? PublishResult.Failed("sidecar answered Unavailable: connection refused") : PublishResult.Published);
        }
    }

    /// <summary>A sidecar that takes a run of one topic in one call and refuses the entries whose text is <see cref="RefuseText"/>.</summary>
    private sealed class BulkSidecar : IOutboxPublisher
    {
        public string? RefuseText { get; set; }
        public string? RefuseTopic { get; set; }
        public List<string> Calls { get; } = [];
        public List<string> Accepted { get; } = [];

        public Task<PublishResult> PublishAsync(Equipment.BuildingBlocks.Data.OutboxMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a run of one row goes through the batch call too");

        public Task<IReadOnlyList<PublishResult>> PublishBatchAsync(IReadOnlyList<Equipment.BuildingBlocks.Data.OutboxMessage> messages, CancellationToken cancellationToken)
        {
            Assert.Single(messages.Select(m => m.Topic).Distinct());
            var texts = messages.Select(m => JsonNode.Parse(m.Payload)!["text"]!.GetValue<string>()).ToList();
            Calls.Add($"{messages[0].Topic}:{string.Join(",", texts)}");
            var results = new List<PublishResult>();
            for (var i = 0; i < messages.Count; i++)
            {
                var refused = texts[i] == RefuseText && messages[i].Topic == RefuseTopic;
                if (!refused) Accepted.Add($"{messages[i].Topic}:{texts[i]}");
                results.Add(refused ? PublishResult.Failed("refused (test)") : PublishResult.Published);
            }
            return Task.FromResult<IReadOnlyList<PublishResult>>(results);
        }
    }
}
