using Equipment.BuildingBlocks.Hosting;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DevSidecar;

/// <summary>
/// Wakes every app's delivery loop at once when a message is stored, and hands each app the deliveries just committed
/// for it, so that a loop starts them without reading them back from the store. A loop takes <see cref="Next"/> before
/// it looks for work and waits on it after finding none, so a message stored in between is never missed.
/// </summary>
public sealed class DeliverySignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HandOver> _handOvers = new();

    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>The deliveries handed to one app's loop (which asks for it when it starts).</summary>
    public HandOver For(string appId) => _handOvers.GetOrAdd(appId, _ => new HandOver());

    /// <summary>Pending deliveries appeared that only the store knows of (a new subscription's backlog): every loop reads it.</summary>
    public void Notify()
    {
        foreach (var handOver in _handOvers.Values) handOver.RequireRead();
        Wake();
    }

    /// <summary>Deliveries just committed, each with its message: handed to the loops of their apps, which are woken.</summary>
    public void Notify(IEnumerable<(Delivery Delivery, StoredMessage Message)> committed)
    {
        foreach (var item in committed)
            if (_handOvers.TryGetValue(item.Delivery.AppId, out var handOver)) handOver.Add(item);   // no loop: not an app of this sidecar
        Wake();
    }

    private void Wake() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>
/// One app's deliveries as they were committed, oldest first, for its loop to start from memory; at most
/// <see cref="Capacity"/> wait. When one more comes, or when the store holds pending deliveries that were not handed
/// over (a backlog, a retry come due, answers that could not be recorded), the loop is told to read the store.
/// </summary>
public sealed class HandOver
{
    public const int Capacity = 1000;
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Delivery Delivery, StoredMessage Message)> _queue = new();
    private int _mustRead = 1;   // at start: whatever was pending before

    /// <summary>Hands one delivery over; when <see cref="Capacity"/> wait already, it is left in the store for the loop to read.</summary>
    public void Add((Delivery Delivery, StoredMessage Message) item)
    {
        if (_queue.Count >= Capacity) RequireRead();
        else _queue.Enqueue(item);
    }

    /// <summary>Up to <paramref name="max"/> handed-over deliveries, oldest first.</summary>
    public List<(Delivery Delivery, StoredMessage Message)> Take(int max)
    {
        var taken = new List<(Delivery, StoredMessage)>();
        while (taken.Count < max && _queue.TryDequeue(out var item)) taken.Add(item);
        return taken;
    }

    public void RequireRead() => Volatile.Write(ref _mustRead, 1);

    /// <summary>Whether the store must be read, clearing the request (one made meanwhile is kept for the next look).</summary>
    public bool TakeReadRequest() => Interlocked.Exchange(ref _mustRead, 0) == 1;
}

public enum DeliveryVerdict { Success, Retry, Drop }

/// <summary>
/// Delivers pending messages as daprd does: <c>POST {route}</c> with the CloudEvent, <c>Content-Type:
/// application/cloudevents+json</c>, <c>pubsubname</c> and <c>traceparent</c> headers; the app's answer decides.
/// Each configured app has its own pipeline, woken as soon as a message is stored, so a slow or absent app never holds
/// up another. A pipeline starts the deliveries just committed from memory (<see cref="HandOver"/>) and reads the store
/// for the rest: at start, at least every poll interval (retries come due), and when something was not handed over.
/// Like daprd, it delivers concurrently: up to <see cref="SidecarOptions.MaxConcurrentDeliveries"/> at once
/// per app (daprd's <c>--app-max-concurrency</c>; consumers accept events out of order, and do), started oldest first;
/// the next starts as soon as one is answered (back-pressure: an app gets no more than that in flight), and the answers
/// are committed together, a batch per commit. (Like daprd, a sidecar delivers only to the apps it is configured for.)
/// </summary>
public sealed class DeliveryWorker(
    IServiceScopeFactory scopes, IHttpClientFactory clients, SidecarOptions options, DeliverySignal signal, StoreWriteGate gate,
    BulkSubscriptions bulk, TimeProvider clock, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private sealed record Answered(long DeliveryId, DeliveryVerdict Verdict, string Detail);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(options.Apps.Select(app => Task.Run(() => DeliverToAppAsync(app, stoppingToken), stoppingToken)));

    private async Task DeliverToAppAsync(AppEndpoint app, CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(Math.Max(options.MaxConcurrentDeliveries, 1));
        var inFlight = new System.Collections.Concurrent.ConcurrentDictionary<long, byte>();   // started, answer not yet committed
        var answers = System.Threading.Channels.Channel.CreateUnbounded<Answered>();
        var committer = Task.Run(() => CommitAnswersAsync(app, answers.Reader, inFlight, stoppingToken), stoppingToken);
        var handOver = signal.For(app.AppId);
        // The newest delivery a read of the store has returned: a handed-over delivery at or below it was in that read
        // (or in flight then), so it is not started twice.
        var newestRead = 0L;
        var nextRead = Environment.TickCount64;   // real time: a test's clock may stand still
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var woken = signal.Next;
                var more = false;
                try
                {
                    // The store is read at least every PollInterval (retries come due there) and whenever it holds what
                    // was not handed over; otherwise the loop starts what was just committed, from memory.
                    if (Environment.TickCount64 >= nextRead) handOver.RequireRead();
                    List<(Delivery Delivery, StoredMessage Message)> due;
                    var handed = handOver.Take(options.DeliveryBatchSize);
                    if (handed.Count > 0)
                    {
                        due = handed.Where(h => h.Delivery.Id > newestRead).ToList();
                        more = true;   // more may be waiting, or the store may have to be read
                    }
                    else if (handOver.TakeReadRequest())
                    {
                        nextRead = Environment.TickCount64 + (long)options.PollInterval.TotalMilliseconds;
                        // Taken before the read: a delivery committed after this snapshot reads as settled, not pending.
                        var started = inFlight.Keys.ToHashSet();
                        due = await ReadDueAsync(app, started, stoppingToken);
                        if (due.Count > 0) newestRead = Math.Max(newestRead, due.Max(d => d.Delivery.Id));
                        more = due.Count == options.DeliveryBatchSize;
                        if (more) handOver.RequireRead();
                    }
                    else
                    {
                        due = [];
                    }
                    foreach (var work in InDeliveries(app, due))
                    {
                        await slots.WaitAsync(stoppingToken);
                        foreach (var (delivery, _) in work) inFlight[delivery.Id] = 0;
                        _ = Task.Run(async () =>
                        {
                            try
                            {
                                var verdicts = work.Count == 1 && bulk.MaxMessages(app.AppId, work[0].Delivery.Topic) is null
                                    ? [await PostAsync(app, work[0].Delivery, work[0].Message, stoppingToken)]
                                    : await PostBulkAsync(app, work, stoppingToken);
                                for (var i = 0; i < work.Count; i++) answers.Writer.TryWrite(new Answered(work[i].Delivery.Id, verdicts[i].Item1, verdicts[i].Item2));
                            }
                            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { /* stopping: left pending */ }
                            finally { slots.Release(); }
                        }, CancellationToken.None);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
                {
                    handOver.RequireRead();
                    logger.LogError(e, "Reading the deliveries due to {App} failed on the database", app.AppId);
                }
                if (more) continue;
                // Until the next read of the store is due (never more than PollInterval away), unless woken first.
                var untilRead = TimeSpan.FromMilliseconds(Math.Max(nextRead - Environment.TickCount64, 1));
                try { await woken.WaitAsync(untilRead, stoppingToken); }
                catch (TimeoutException) { /* look again: a retry may have come due */ }
                catch (OperationCanceledException) { return; }
            }
        }
        finally
        {
            answers.Writer.TryComplete();
            try { await committer; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>
    /// The due deliveries as the app takes them: one at a time, or, for a subscription in bulk, the due deliveries of its
    /// topic together, up to the subscription's <c>maxMessagesCount</c>, each group in the order of its oldest delivery.
    /// A bulk goes out with what is due now: unlike daprd, the DevSidecar never waits <c>maxAwaitDurationMs</c> to fill
    /// one, so a quiet topic's events go one per bulk and a busy one's fill the bulks.
    /// </summary>
    private List<List<(Delivery Delivery, StoredMessage Message)>> InDeliveries(AppEndpoint app, List<(Delivery Delivery, StoredMessage Message)> due)
    {
        var work = new List<List<(Delivery, StoredMessage)>>();
        var open = new Dictionary<string, List<(Delivery, StoredMessage)>>();
        foreach (var item in due)
        {
            if (bulk.MaxMessages(app.AppId, item.Delivery.Topic) is not { } max)
            {
                work.Add([item]);
                continue;
            }
            if (!open.TryGetValue(item.Delivery.Route, out var group) || group.Count >= max)
            {
                open[item.Delivery.Route] = group = [];
                work.Add(group);
            }
            group.Add(item);
        }
        return work;
    }

    /// <summary>The oldest deliveries due to the app that are not already in flight, with their messages.</summary>
    private async Task<List<(Delivery Delivery, StoredMessage Message)>> ReadDueAsync(AppEndpoint app, HashSet<long> started, CancellationToken cancellationToken)
    {
        var appId = app.AppId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SidecarDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = (await db.Deliveries.AsNoTracking()
                .Where(d => d.AppId == appId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.Id).Take(options.DeliveryBatchSize + started.Count)
                .ToListAsync(cancellationToken))
            .Where(d => !started.Contains(d.Id)).Take(options.DeliveryBatchSize).ToList();
        if (due.Count == 0) return [];
        var messageIds = due.Select(d => d.MessageId).Distinct().ToList();
        var messages = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return due.Select(d => (d, messages[d.MessageId])).ToList();
    }

    /// <summary>
    /// Records the apps' answers, as many as have arrived: the delivered ones in one UPDATE, then the others in one commit
    /// (dropped and dead-lettered, given up, or due again after the backoff). Only then is a delivery no longer in flight
    /// (so it is never started twice).
    /// </summary>
    private async Task CommitAnswersAsync(AppEndpoint app, System.Threading.Channels.ChannelReader<Answered> answers,
        System.Collections.Concurrent.ConcurrentDictionary<long, byte> inFlight, CancellationToken stoppingToken)
    {
        var appId = app.AppId;
        while (await answers.WaitToReadAsync(CancellationToken.None))
        {
            var batch = new List<Answered>();
            while (batch.Count < options.DeliveryBatchSize && answers.TryRead(out var answer)) batch.Add(answer);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SidecarDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                // What was delivered (nearly every answer) is recorded in one UPDATE, without reading a row.
                var delivered = batch.Where(a => a.Verdict == DeliveryVerdict.Success).Select(a => a.DeliveryId).ToList();
                if (delivered.Count > 0)
                    await gate.RunAsync(() => db.Deliveries.Where(d => delivered.Contains(d.Id)).ExecuteUpdateAsync(d => d
                        .SetProperty(x => x.Status, DeliveryStatus.Delivered)
                        .SetProperty(x => x.CompletedAt, now)
                        .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                        .SetProperty(x => x.LastError, (string?)null), CancellationToken.None), CancellationToken.None);
                var refused = batch.Where(a => a.Verdict != DeliveryVerdict.Success).ToList();
                if (refused.Count == 0) continue;
                var ids = refused.Select(a => a.DeliveryId).ToList();
                var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, CancellationToken.None);
                var messageIds = deliveries.Values.Select(d => d.MessageId).Distinct().ToList();
                var messages = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, CancellationToken.None);
                foreach (var (deliveryId, verdict, detail) in refused)
                {
                    var delivery = deliveries[deliveryId];
                    var message = messages[delivery.MessageId];
                    delivery.Attempts++;
                    delivery.LastError = detail;
                    switch (verdict)
                    {
                        case DeliveryVerdict.Drop:
                            await DropAsync(db, delivery, message, now, CancellationToken.None);
                            logger.LogWarning("{App} dropped message {MessageId} on {Topic}: {Detail}", appId, message.Id, delivery.Topic, detail);
                            break;
                        case DeliveryVerdict.Retry when options.MaxAttempts > 0 && delivery.Attempts >= options.MaxAttempts:
                            await GiveUpAsync(db, delivery, message, now, CancellationToken.None);
                            logger.LogError("Gave up delivering message {MessageId} on {Topic} to {App} after {Attempts} attempts: {Detail}",
                                message.Id, delivery.Topic, appId, delivery.Attempts, detail);
                            break;
                        case DeliveryVerdict.Retry:
                            var retryIn = options.RetryDelay(delivery.Attempts);
                            delivery.NextAttemptAt = now + retryIn;
                            logger.LogWarning("Delivery of message {MessageId} on {Topic} to {App} will be retried in {RetryIn} (attempt {Attempts}): {Detail}",
                                message.Id, delivery.Topic, appId, retryIn, delivery.Attempts, detail);
                            break;
                    }
                }
                await gate.RunAsync(() => db.SaveChangesAsync(CancellationToken.None), CancellationToken.None);
            }
            catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The answers are lost, the deliveries still pending: they go again (consumers deduplicate on the id).
                signal.For(appId).RequireRead();
                logger.LogError(e, "Recording {Count} answers of {App} failed on the database; those deliveries will be made again", batch.Count, appId);
            }
            finally
            {
                foreach (var answer in batch) inFlight.TryRemove(answer.DeliveryId, out _);
            }
        }
    }

    /// <summary>
    /// Delivers to one instance of the app, the next in turn; an instance that cannot be reached, times out or fails
    /// (5xx) is passed over for the next one in the same attempt. An answer (SUCCESS, RETRY, DROP, 404) is the app's.
    /// </summary>
    private async Task<(DeliveryVerdict, string)> PostAsync(AppEndpoint app, Delivery delivery, StoredMessage message, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var url in app.NextRotation())
        {
            var (verdict, detail, reached) = await PostToInstanceAsync(url, delivery, message, cancellationToken);
            if (reached) return (verdict, detail);
            failures.Add($"{url}: {detail}");
            logger.LogDebug("Delivery of {MessageId} to {App} at {Url} failed ({Detail}); trying the next instance", message.Id, app.AppId, url, detail);
        }
        return (DeliveryVerdict.Retry, string.Join("; ", failures));
    }

    /// <summary>
    /// Delivers several messages of one topic in one request, as daprd delivers to a bulk subscription: <c>POST {route}</c>
    /// with the bulk envelope (<c>id</c>, <c>type</c> <c>com.dapr.event.sent.bulk</c>, <c>topic</c>, <c>pubsubname</c>,
    /// <c>metadata</c>, and <c>entries</c>: each an <c>entryId</c> and the stored CloudEvent whole as <c>event</c>), with
    /// <c>Content-Type: application/cloudevents+json</c>. The app answers a status per entry; an entry it leaves out is
    /// RETRY. Instances are tried in turn as for one message.
    /// </summary>
    private async Task<IReadOnlyList<(DeliveryVerdict, string)>> PostBulkAsync(AppEndpoint app, IReadOnlyList<(Delivery Delivery, StoredMessage Message)> work, CancellationToken cancellationToken)
    {
        var topic = work[0].Delivery.Topic;
        var entries = new JsonArray();
        foreach (var (delivery, message) in work)
            entries.Add(new JsonObject
            {
                ["entryId"] = delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["event"] = ParseObject(message.Body) is { } cloudEvent ? cloudEvent : JsonValue.Create(message.Body),
                ["metadata"] = new JsonObject(),
                ["contentType"] = "application/cloudevents+json",
            });
        var body = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "com.dapr.event.sent.bulk",
            ["topic"] = topic,
            ["pubsubname"] = options.PubSubName,
            ["metadata"] = new JsonObject(),
            ["entries"] = entries,
        }.ToJsonString();
        // One span for the bulk: a child of the message's trace when it carries one message, else linked to each message's.
        using var activity = work.Count == 1
            ? Telemetry.StartMessaging($"{topic} deliver", System.Diagnostics.ActivityKind.Producer, topic, work[0].Message.Id.ToString(), work[0].Message.TraceParent)
            : Telemetry.StartDeliverBatch(topic, work.Select(w => w.Message.TraceParent).ToList());

        var failures = new List<string>();
        foreach (var url in app.NextRotation())
        {
            var http = clients.CreateClient(nameof(DeliveryWorker));
            using var request = NewDelivery(url, work[0].Delivery.Route, body, activity is null && work.Count == 1 ? work[0].Message.TraceParent : null);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.AppCallTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                var answer = await response.Content.ReadAsStringAsync(timeout.Token);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{url}: app answered {(int)response.StatusCode}: {Truncate(answer)}");
                    continue;
                }
                return InterpretBulk(response.StatusCode, answer, work.Select(w => w.Delivery.Id).ToList());
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{url}: app unreachable: {e.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{url}: app did not answer within {options.AppCallTimeout}");
            }
        }
        var failure = string.Join("; ", failures);
        return work.Select(_ => (DeliveryVerdict.Retry, failure)).ToList();
    }

    /// <summary>
    /// daprd's reading of a bulk answer: 404 drops every entry, another non-2xx retries every entry; a 2xx gives each
    /// entry the status its <c>entryId</c> has in <c>statuses</c> (SUCCESS, RETRY, DROP), and RETRY to an entry left out,
    /// with an unknown status, or when the body is no such answer.
    /// </summary>
    public static IReadOnlyList<(DeliveryVerdict Verdict, string Detail)> InterpretBulk(HttpStatusCode status, string body, IReadOnlyList<long> deliveryIds)
    {
        var code = (int)status;
        if (status == HttpStatusCode.NotFound) return deliveryIds.Select(_ => (DeliveryVerdict.Drop, "app answered 404")).ToList();
        if (code is < 200 or > 299) return deliveryIds.Select(_ => (DeliveryVerdict.Retry, $"app answered {code}: {Truncate(body)}")).ToList();
        var statuses = new Dictionary<string, string?>();
        try
        {
            if (JsonNode.Parse(body) is JsonObject json && json["statuses"] is JsonArray entries)
                foreach (var entry in entries.OfType<JsonObject>())
                    if (entry["entryId"]?.GetValue<string>() is { } entryId) statuses[entryId] = entry["status"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return deliveryIds.Select(_ => (DeliveryVerdict.Retry, "the bulk answer is not JSON")).ToList();
        }
        return deliveryIds.Select(id => statuses.GetValueOrDefault(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) switch
        {
            "SUCCESS" => (DeliveryVerdict.Success, "SUCCESS"),
            "DROP" => (DeliveryVerdict.Drop, "app answered DROP"),
            "RETRY" => (DeliveryVerdict.Retry, "app answered RETRY"),
            null => (DeliveryVerdict.Retry, "the bulk answer has no status for this entry"),
            var other => (DeliveryVerdict.Retry, $"unknown status '{other}' (statuses are case-sensitive)"),
        }).ToList();
    }

    private async Task<(DeliveryVerdict, string, bool Reached)> PostToInstanceAsync(string url, Delivery delivery, StoredMessage message, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(nameof(DeliveryWorker));
        // The delivery is a span of the message's trace; the HTTP client's instrumentation sends its traceparent to the
        // app. Without a listener, the message's own traceparent goes as it is, as daprd's does.
        using var activity = Telemetry.StartMessaging($"{delivery.Topic} deliver", System.Diagnostics.ActivityKind.Producer, delivery.Topic, message.Id.ToString(),
            message.TraceParent);
        using var request = NewDelivery(url, delivery.Route, message.Body, activity is null ? message.TraceParent : null);

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.AppCallTimeout);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var (verdict, detail) = Interpret(response.StatusCode, body);
            return (verdict, detail, (int)response.StatusCode < 500);
        }
        catch (HttpRequestException e)
        {
            return (DeliveryVerdict.Retry, $"app unreachable: {e.Message}", false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DeliveryVerdict.Retry, $"app did not answer within {options.AppCallTimeout}", false);
        }
    }

    /// <summary>A delivery request as daprd sends one: <c>POST {route}</c>, the CloudEvent (or bulk envelope), <c>pubsubname</c>, the App API token, and <paramref name="traceParent"/> when given.</summary>
    private HttpRequestMessage NewDelivery(string url, string route, string body, string? traceParent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(url.TrimEnd('/') + "/"), route.TrimStart('/')))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("pubsubname", options.PubSubName);
        if (traceParent is { Length: > 0 }) request.Headers.Add("traceparent", traceParent);
        if (options.AppApiToken is not null) request.Headers.Add("dapr-api-token", options.AppApiToken);
        return request;
    }

    /// <summary>daprd's reading of an app's answer (dapr pkg/runtime/subscription/postman/http Deliver).</summary>
    public static (DeliveryVerdict Verdict, string Detail) Interpret(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (status == HttpStatusCode.NotFound) return (DeliveryVerdict.Drop, "app answered 404");
        if (code is < 200 or > 299) return (DeliveryVerdict.Retry, $"app answered {code}: {Truncate(body)}");

        string? answer;
        try
        {
            var parsed = JsonNode.Parse(body);
            if (parsed is not JsonObject json) return (DeliveryVerdict.Success, "non-object body");
            answer = json["status"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (DeliveryVerdict.Success, "empty or non-JSON body");
        }
        return answer switch
        {
            null or "" or "SUCCESS" => (DeliveryVerdict.Success, "SUCCESS"),
            "RETRY" => (DeliveryVerdict.Retry, "app answered RETRY"),
            "DROP" => (DeliveryVerdict.Drop, "app answered DROP"),
            _ => (DeliveryVerdict.Retry, $"unknown status '{answer}' (statuses are case-sensitive)"),
        };
    }

    private async Task DropAsync(SidecarDbContext db, Delivery delivery, StoredMessage message, DateTime now, CancellationToken cancellationToken)
    {
        delivery.CompletedAt = now;
        delivery.Status = await DeadLetterAsync(db, delivery, message, now, cancellationToken) ? DeliveryStatus.DeadLettered : DeliveryStatus.Dropped;
    }

    private async Task GiveUpAsync(SidecarDbContext db, Delivery delivery, StoredMessage message, DateTime now, CancellationToken cancellationToken)
    {
        delivery.CompletedAt = now;
        delivery.Status = await DeadLetterAsync(db, delivery, message, now, cancellationToken) ? DeliveryStatus.DeadLettered : DeliveryStatus.GaveUp;
    }

    /// <summary>Publishes the message again on the subscription's dead-letter topic, if it has one.</summary>
    private async Task<bool> DeadLetterAsync(SidecarDbContext db, Delivery delivery, StoredMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(delivery.DeadLetterTopic)) return false;
        var body = ParseObject(message.Body) ?? new JsonObject { ["data"] = message.Body };   // a raw payload is kept whole as data
        body["topic"] = delivery.DeadLetterTopic;
        var accepted = await db.AcceptAsync(gate, delivery.DeadLetterTopic, body.ToJsonString(), message.TraceParent, now, cancellationToken);
        signal.Notify(accepted.Deliveries);
        return true;
    }

    private static JsonObject? ParseObject(string body)
    {
        try { return JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
