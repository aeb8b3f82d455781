namespace Equipment.DevSidecar;

public sealed class SidecarOptions
{
    public string AppId { get; set; } = "dev-sidecar";
    /// <summary>The one pub/sub component this sidecar plays; publishing to any other name answers 404 like daprd.</summary>
    public string PubSubName { get; set; } = "pubsub";
    public string Database { get; set; } = "Data Source=data/sidecar.db";
    /// <summary>How often each app's <c>GET /dapr/subscribe</c> is asked again (an app may restart with other subscriptions).</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How soon an app that has not answered <c>GET /dapr/subscribe</c> yet (it is still starting, or down) is asked again.</summary>
    public TimeSpan StartRetryInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Attempts before a delivery is given up (then dead-lettered when the subscription names a topic); 0 = never give up.</summary>
    public int MaxAttempts { get; set; }
    /// <summary>
    /// How many deliveries to one app are in flight at once (daprd's <c>--app-max-concurrency</c>): the back-pressure on
    /// a busy app. 1 delivers one at a time, oldest first.
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;
    /// <summary>How many due deliveries of one app are read and committed together.</summary>
    public int DeliveryBatchSize { get; set; } = 100;
    /// <summary>Timeout of one delivery call to an app.</summary>
    public TimeSpan AppCallTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public List<AppEndpoint> Apps { get; set; } = [];
    /// <summary>DAPR_API_TOKEN: when set, publishers must send it in <c>dapr-api-token</c>.</summary>
    public string? ApiToken { get; set; }
    /// <summary>APP_API_TOKEN: when set, sent to apps in <c>dapr-api-token</c> on every delivery.</summary>
    public string? AppApiToken { get; set; }

    public TimeSpan RetryDelay(int attempts)
    {
        var ticks = FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>
/// An app id and its instances: <c>Url</c> (one instance) and/or <c>Urls:0</c>, <c>Urls:1</c> … (several). Like daprd
/// with a consumer group per app id, each message is delivered to one instance of the app, not to each.
/// </summary>
public sealed class AppEndpoint
{
    private int _next = -1;

    public string AppId { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> Urls { get; set; } = [];

    /// <summary>Every configured instance, <c>Url</c> first, each once.</summary>
    public IReadOnlyList<string> InstanceUrls() =>
        new[] { Url }.Concat(Urls).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The instances in the order to try for the next delivery: round-robin, the next one after a failure.</summary>
    public IReadOnlyList<string> NextRotation()
    {
        var all = InstanceUrls();
        if (all.Count <= 1) return all;
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)all.Count);
        return all.Skip(start).Concat(all.Take(start)).ToList();
    }
}
