using System.Text.Json;
using System.Text.Json.Nodes;

namespace Equipment.Gateway.Features;

/// <summary>The system's health as <c>GET /health</c> answers it: the worst of the services', and each one's report.</summary>
public sealed record HealthReport(string Status, object Body)
{
    public IResult ToResult() => Results.Json(Body, statusCode: Status == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
}

/// <summary>
/// <c>GET /health</c> is public and each answer costs every service a database round trip: callers within
/// <c>Health:CacheFor</c> (default 1 s) of a report get that report, and callers during a check wait for that check,
/// so that a flood of probes costs the services one check a second.
/// </summary>
public sealed class SystemHealthCache(IServiceProvider services, IConfiguration configuration)
{
    private readonly TimeSpan _cacheFor = configuration.GetValue("Health:CacheFor", TimeSpan.FromSeconds(1));
    private readonly Lock _lock = new();
    private Task<HealthReport>? _last;
    private long _lastStarted;

    public Task<HealthReport> GetAsync()
    {
        lock (_lock)
        {
            if (_last is { } last && (!last.IsCompleted || Environment.TickCount64 - _lastStarted < _cacheFor.TotalMilliseconds)) return last;
            _lastStarted = Environment.TickCount64;
            return _last = services.GetRequiredService<SystemHealth>().CheckAsync(CancellationToken.None);
        }
    }
}

/// <summary>Every proxied service's <c>/health/ready</c>, asked in parallel, and the worst of them.</summary>
public sealed class SystemHealth(HttpClient http, IConfiguration configuration)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var services = configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .Select(c => (Name: c.Key, Destinations: c.GetSection("Destinations").GetChildren().Where(d => d["Address"] is not null).Select(d => (d.Key, Address: d["Address"]!)).ToList()))
            .Where(s => s.Destinations.Count > 0)
            .ToList();
        var results = await Task.WhenAll(services.Select(s => CheckServiceAsync(s.Name, s.Destinations, cancellationToken)));

        var status = results.Any(r => r.Status == "Unhealthy") ? "Unhealthy"
            : results.Any(r => r.Status == "Degraded") ? "Degraded" : "Healthy";
        var body = new
        {
            status,
            services = results.ToDictionary(r => r.Name, r => new { status = r.Status, r.Detail }),
        };
        return new HealthReport(status, body);
    }

    /// <summary>
    /// One destination: its own answer. Several instances: Healthy when all are, Unhealthy when none answers ready,
    /// Degraded in between (the gateway still serves from the others); the detail names each instance.
    /// </summary>
    private async Task<(string Name, string Status, JsonNode? Detail)> CheckServiceAsync(string name, List<(string Key, string Address)> destinations, CancellationToken cancellationToken)
    {
        if (destinations.Count == 1) return await CheckOneAsync(name, destinations[0].Address, cancellationToken);
        var each = await Task.WhenAll(destinations.Select(async d => (d.Key, Result: await CheckOneAsync(name, d.Address, cancellationToken))));
        var statuses = each.Select(e => e.Result.Status).ToList();
        var status = statuses.All(s => s == "Healthy") ? "Healthy" : statuses.All(s => s == "Unhealthy") ? "Unhealthy" : "Degraded";
        var detail = new JsonObject();
        foreach (var (key, result) in each)
            detail[key] = new JsonObject { ["status"] = result.Status, ["detail"] = result.Detail?.DeepClone() };
        return (name, status, detail);
    }

    private async Task<(string Name, string Status, JsonNode? Detail)> CheckOneAsync(string name, string address, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await http.GetAsync(new Uri(new Uri(address), "health/ready"), timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            JsonNode? detail;
            try { detail = JsonNode.Parse(text); }
            catch (JsonException) { detail = JsonValue.Create(text); }
            var report = detail as JsonObject;           // anything else (an HTML page, plain text) has no status of its own
            var status = report?["status"]?.GetValue<string>() ?? (response.IsSuccessStatusCode ? "Healthy" : "Unhealthy");
            return (name, status, report?["checks"]?.DeepClone() ?? (report is null ? detail : null));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (name, "Unhealthy", JsonValue.Create($"{address} did not answer: {e.Message}"));
        }
    }
}
