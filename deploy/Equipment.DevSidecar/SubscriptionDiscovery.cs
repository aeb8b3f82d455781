using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DevSidecar;

/// <summary>
/// Asks every configured app for <c>GET /dapr/subscribe</c>, as daprd does at start, and again every
/// <see cref="SidecarOptions.DiscoveryInterval"/> because here one sidecar outlives app restarts (sooner while an app has not answered). A subscription seen
/// for the first time receives the messages already stored on its topic (like a new Redis consumer group reading
/// from the start of the stream), so an app that starts late loses nothing.
/// </summary>
public sealed class SubscriptionDiscovery(
    IServiceScopeFactory scopes, IHttpClientFactory clients, SidecarOptions options, DeliverySignal signal, StoreWriteGate gate,
    BulkSubscriptions bulk, TimeProvider clock, ILogger<SubscriptionDiscovery> logger) : BackgroundService
{
    private readonly Dictionary<string, bool> _reachable = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            foreach (var app in options.Apps)
            {
                try
                {
                    await DiscoverAsync(app, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
                {
                    logger.LogError(e, "Recording the subscriptions of {App} failed on the database; trying again next round", app.AppId);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
                {
                    if (_reachable.GetValueOrDefault(app.AppId, true))
                        logger.LogWarning("Cannot read subscriptions of {App} at {Urls}: {Error}", app.AppId, string.Join(", ", app.InstanceUrls()), e.Message);
                    _reachable[app.AppId] = false;
                }
            }
        }
        while (await WaitAsync(NextRound, stoppingToken));
    }

    /// <summary>
    /// Until every app has answered, the next round comes soon (<see cref="SidecarOptions.StartRetryInterval"/>), as daprd
    /// waits for its app's port at start: an app that starts a moment after the sidecar gets its deliveries a moment later,
    /// not a whole <see cref="SidecarOptions.DiscoveryInterval"/> later.
    /// </summary>
    private TimeSpan NextRound => options.Apps.All(a => _reachable.GetValueOrDefault(a.AppId))
        ? options.DiscoveryInterval
        : TimeSpan.FromTicks(Math.Min(options.StartRetryInterval.Ticks, options.DiscoveryInterval.Ticks));

    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try { await Task.Delay(delay, cancellationToken); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>Reads the app's subscriptions from the first of its instances that answers (they all run the same build).</summary>
    public async Task DiscoverAsync(AppEndpoint app, CancellationToken cancellationToken)
    {
        var instances = app.InstanceUrls();
        IReadOnlyList<DeclaredSubscription>? declared = null;
        for (var i = 0; declared is null; i++)
        {
            try
            {
                declared = await ReadAsync(instances[i], cancellationToken);
            }
            catch (Exception e) when (i < instances.Count - 1 && !cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or JsonException)
            {
                // that instance is down: ask the next one
            }
        }
        if (!_reachable.GetValueOrDefault(app.AppId))
            logger.LogInformation("{App} subscribes to {Topics}", app.AppId, declared.Count == 0 ? "nothing" : string.Join(", ", declared.Select(d => d.Topic)));
        _reachable[app.AppId] = true;

        var added = await gate.RunAsync(() => RecordAsync(app, declared, cancellationToken), cancellationToken);
        bulk.Set(app.AppId, declared.Where(d => d.PubSubName == options.PubSubName));
        if (added > 0) signal.Notify();
    }

    private async Task<IReadOnlyList<DeclaredSubscription>> ReadAsync(string url, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(nameof(SubscriptionDiscovery));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        using var response = await http.GetAsync(new Uri(new Uri(url.TrimEnd('/') + "/"), "dapr/subscribe"), timeout.Token);
        if ((int)response.StatusCode >= 500)                                // failing, not "no subscriptions": keep what is known
            throw new HttpRequestException($"GET /dapr/subscribe answered {(int)response.StatusCode}", null, response.StatusCode);
        return response.IsSuccessStatusCode ? Parse(await response.Content.ReadAsStringAsync(timeout.Token)) : [];
    }

    /// <summary>Saves the app's subscriptions; a new one gets a pending delivery for every message already stored on its topic.</summary>
    private async Task<int> RecordAsync(AppEndpoint app, IReadOnlyList<DeclaredSubscription> declared, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SidecarDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Subscriptions.Where(s => s.AppId == app.AppId).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var subscription in declared.Where(d => d.PubSubName == options.PubSubName))
        {
            var known = existing.FirstOrDefault(s => s.Topic == subscription.Topic);
            if (known is not null)
            {
                known.Route = subscription.Route;
                known.DeadLetterTopic = subscription.DeadLetterTopic;
                continue;
            }
            var fresh = new KnownSubscription
            {
                AppId = app.AppId, Topic = subscription.Topic, Route = subscription.Route,
                DeadLetterTopic = subscription.DeadLetterTopic, DiscoveredAt = now,
            };
            db.Subscriptions.Add(fresh);
            // The stored messages of the topic this app has never had: a subscription dropped and taken again gets what
            // came meanwhile, not what it was given before (a delivery per message and app, as the store's key says).
            var (appId, topic) = (app.AppId, subscription.Topic);
            var backlog = await db.Messages.Where(m => m.Topic == topic && !db.Deliveries.Any(d => d.MessageId == m.Id && d.AppId == appId))
                .Select(m => m.Id).ToListAsync(cancellationToken);
            foreach (var messageId in backlog)
                db.Deliveries.Add(Delivery.Pending(messageId, fresh, now));
            added += backlog.Count;
            logger.LogInformation("New subscription: {App} ← {Topic} at {Route}; {Backlog} stored messages queued for it",
                app.AppId, subscription.Topic, subscription.Route, backlog.Count);
        }
        db.Subscriptions.RemoveRange(existing.Where(s => declared.All(d => d.Topic != s.Topic || d.PubSubName != options.PubSubName)));
        if (!db.ChangeTracker.HasChanges()) return added;
        gate.Subscribers = null;                       // publishing reads them again, saved or not
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Dapr's subscription JSON, keys case-insensitive; <c>routes.default</c> wins over <c>route</c>.</summary>
    public static IReadOnlyList<DeclaredSubscription> Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        var items = JsonSerializer.Deserialize<List<RawSubscription>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];
        return items
            .Where(i => !string.IsNullOrEmpty(i.PubSubName) && !string.IsNullOrEmpty(i.Topic))
            .Select(i => new DeclaredSubscription(i.PubSubName!, i.Topic!, "/" + (i.Routes?.Default ?? i.Route ?? i.Topic!).TrimStart('/'),
                string.IsNullOrEmpty(i.DeadLetterTopic) ? null : i.DeadLetterTopic,
                i.BulkSubscribe is { Enabled: true } b ? Math.Max(b.MaxMessagesCount is > 0 and var n ? n : DefaultBulkMaxMessages, 1) : null))
            .ToList();
    }

    /// <summary>daprd's default <c>maxMessagesCount</c> when a bulk subscription does not name one.</summary>
    public const int DefaultBulkMaxMessages = 100;

    private sealed record RawSubscription(string? PubSubName, string? Topic, string? Route, RawRoutes? Routes, string? DeadLetterTopic, RawBulk? BulkSubscribe);

    private sealed record RawBulk(bool Enabled, int? MaxMessagesCount, int? MaxAwaitDurationMs);

    private sealed record RawRoutes(string? Default);
}

/// <summary>A subscription as the app declares it; <paramref name="BulkMaxMessages"/> is set when it subscribes in bulk (bulkSubscribe.enabled).</summary>
public sealed record DeclaredSubscription(string PubSubName, string Topic, string Route, string? DeadLetterTopic, int? BulkMaxMessages = null);

/// <summary>
/// Which subscriptions take their deliveries in bulk, and how many at most, as the apps last declared them. Held in
/// memory, as daprd holds its subscriptions: it is read again from every app at start and every round.
/// </summary>
public sealed class BulkSubscriptions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string AppId, string Topic), int> _bulk = new();

    public void Set(string appId, IEnumerable<DeclaredSubscription> declared)
    {
        var current = declared.Where(d => d.BulkMaxMessages is not null).ToDictionary(d => d.Topic, d => d.BulkMaxMessages!.Value);
        foreach (var key in _bulk.Keys.Where(k => k.AppId == appId && !current.ContainsKey(k.Topic))) _bulk.TryRemove(key, out _);
        foreach (var (topic, max) in current) _bulk[(appId, topic)] = max;
    }

    /// <summary>The most messages in one bulk delivery of <paramref name="topic"/> to the app; null when it takes them one at a time.</summary>
    public int? MaxMessages(string appId, string topic) => _bulk.TryGetValue((appId, topic), out var max) ? max : null;
}
