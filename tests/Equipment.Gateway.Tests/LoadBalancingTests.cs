using System.Net;
using System.Net.Http.Headers;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Equipment.Gateway.Tests;

/// <summary>Two instances of procurement behind the gateway: requests go round-robin to the ready ones (active health checks on /health/ready).</summary>
public sealed class LoadBalancingTests : IAsyncLifetime
{
    private readonly EchoBackend _first = new();
    private readonly EchoBackend _second = new();
    private TwoInstancesGateway? _gateway;

    private sealed class TwoInstancesGateway(int first, int second) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Auth:SigningKey", ServiceFactory<Program>.SigningKey);
            builder.UseSetting("ReverseProxy:Clusters:procurement:Destinations:primary:Address", $"http://127.0.0.1:{first}/");
            builder.UseSetting("ReverseProxy:Clusters:procurement:Destinations:replica-2:Address", $"http://127.0.0.1:{second}/");
            builder.UseSetting("ReverseProxy:Clusters:procurement:HealthCheck:Active:Interval", "00:00:00.200");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        await _second.InitializeAsync();
        _gateway = new TwoInstancesGateway(_first.Port, _second.Port);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private async Task<List<int>> PortsAsync(HttpClient client, int requests)
    {
        var ports = new List<int>();
        for (var i = 0; i < requests; i++)
            ports.Add((await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/procurement/contracts")))["port"]!.GetValue<int>());
        return ports;
    }

    [Fact]
    public async Task Requests_are_balanced_over_the_ready_instances_and_one_that_is_not_ready_is_left_out()
    {
        using var client = _gateway!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceFactory<Program>.Issuer.Issue("tester", Roles.ProcurementOfficer, null));

        var both = await PortsAsync(client, 10);
        Assert.Equal(5, both.Count(p => p == _first.Port));              // round-robin
        Assert.Equal(5, both.Count(p => p == _second.Port));

        _second.Ready = false;                                            // two failed probes (200 ms apart) take it out
        await Equipment.ApiClient.Poll.UntilAsync(() => PortsAsync(client, 4), ports => ports.All(p => p == _first.Port), TimeSpan.FromSeconds(10), "the unready instance to be left out");
        Assert.All(await PortsAsync(client, 10), p => Assert.Equal(_first.Port, p));

        // Still served: degraded, naming the instance that is down (the other clusters' answers do not matter here; a
        // report is kept for a second, so it is asked until it is a fresh one).
        var report = await Equipment.ApiClient.Poll.UntilAsync(async () =>
            {
                using var health = await client.GetAsync("/health");
                return System.Text.Json.Nodes.JsonNode.Parse(await health.Content.ReadAsStringAsync())!;
            },
            r => r["services"]!["procurement"]!["status"]!.GetValue<string>() != "Healthy", TimeSpan.FromSeconds(10), "the health report to see the instance down");
        Assert.Equal("Degraded", report["services"]!["procurement"]!["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", report["services"]!["procurement"]!["detail"]!["replica-2"]!["status"]!.GetValue<string>());

        _second.Ready = true;                                             // back after a successful probe
        await Equipment.ApiClient.Poll.UntilAsync(() => PortsAsync(client, 4), ports => ports.Contains(_second.Port), TimeSpan.FromSeconds(10), "the instance to be back");
    }
}
