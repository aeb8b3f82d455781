using System.Text.Json;
using System.Text.Json.Nodes;

namespace Equipment.Gateway.Features;

/// <summary><c>GET /health</c>: every proxied service's <c>/health/ready</c>, asked in parallel, and the worst of them.</summary>
public sealed class SystemHealth(HttpClient http, IConfiguration configuration)
{
    public async Task<IResult> CheckAsync(CancellationToken cancellationToken)
    {
        var services = configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .Select(c => (Name: c.Key, Address: c.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault(a => a is not null)))
            .Where(s => s.Address is not null)
            .ToList();
        var results = await Task.WhenAll(services.Select(s => CheckOneAsync(s.Name, s.Address!, cancellationToken)));

        var status = results.Any(r => r.Status == "Unhealthy") ? "Unhealthy"
            : results.Any(r => r.Status == "Degraded") ? "Degraded" : "Healthy";
        var body = new
        {
            status,
            services = results.ToDictionary(r => r.Name, r => new { status = r.Status, r.Detail }),
        };
        return Results.Json(body, statusCode: status == "Unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
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
