using System.Net;
using Equipment.ApiClient;
using Equipment.AppHost;

namespace Equipment.System.Tests;

/// <summary>The thin chain, across real processes, through the gateway: grant → contract → delivery → asset → deployment → donor summary.</summary>
public class ChainTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_deployed_asset_appears_in_the_donors_grant_summary()
    {
        var scenario = await Scenario.SignInAsync(system);
        var logistics = await system.SignInAsync("logistics");
        var monitor = await system.SignInAsync("monitor");

        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 2);
        Assert.Equal(ContractStatus.Signed, contract.Status);

        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var cameras = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        Assert.Equal(2, cameras.QuantityOutstanding);
        Assert.Equal("TN-RAS-AJDIR", cameras.DestinationCrossingPointCode);

        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logistics.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "ICMPD warehouse, Tunis", "TN", "Charguia II, Tunis"));
        var assets = await InventoryRun.ShipAndReceiveAsync(logistics, expected.Items, [new Arrival(cameras.ContractLineNumber, 2, 0, "Thermovision", "TV-LW320", "TC-" + Guid.NewGuid().ToString("N")[..6])],
            "WB-" + Guid.NewGuid().ToString("N")[..8], "DHL Global Forwarding", warehouse, Scenario.Today.AddDays(-3), Scenario.Today);
        Assert.Equal(2, assets.Count);
        await InventoryRun.HandOverAsync(logistics, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)",
            new Representative("Sophie Laurent", "ICMPD project manager"), new Representative("Col. Mohamed Ben Salah", "Director of border equipment"));
        var deployed = await logistics.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        Assert.Equal(AssetStatus.Deployed, deployed.Status);

        var summary = (await Poll.UntilAsync(() => monitor.Reporting.GetGrantAsync(grant.Id),
            s => s.Figures.Funnel is { Deployed: 1, Delivered: 2, HandedOver: 2 }, Scenario.Deadline, "the grant summary to count the deployment")).Figures;
        Assert.Equal(2 * 4_400m + 5 * 1_100m, summary.Budget.Contracted);
        Assert.Equal(2 * 4_400m, summary.Budget.Delivered);
        Assert.Equal(7, summary.Funnel.Contracted);
        Assert.Equal(1, summary.CrossingPoints.Single(p => p.Code == "TN-RAS-AJDIR").Funnel.Deployed);
        Assert.Equal(0, summary.CrossingPoints.Single(p => p.Code == "TN-DEHIBA-WAZIN").Funnel.Deployed);

        var technician = await system.SignInAsync("technician");
        var maintained = await Poll.UntilAsync(() => technician.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200),
            p => p.Items.Any(a => a.AssetId == deployed.Id), Scenario.Deadline, "maintenance to learn where the asset is");
        Assert.True(maintained.Items.Single(a => a.AssetId == deployed.Id).UnderWarranty);

        // The monitor verifies on site; the finding reaches the asset's passport in inventory.
        var visit = await monitor.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest("TN-RAS-AJDIR", Scenario.Today, 1, Seed: 1));
        Assert.Equal([deployed.Id], visit.SampledAssetIds);
        await monitor.Reporting.RecordVisitAsync(visit.Id, new RecordVisitRequest(Scenario.Today,
            [new AssetObservation(deployed.Id, Finding.FoundAsExpected, true, true, "IMG_0042.jpg", 33.1536, 11.5637, DateTime.UtcNow)]));
        await Poll.UntilAsync(async () => await monitor.Http.GetStringAsync($"api/inventory/assets/{deployed.Id}/passport"),
            passport => passport.Contains("VerificationFinding"), Scenario.Deadline, "the verification finding to reach the passport");

        // Every instant each service answers with is in UTC with its offset, wherever it was stored.
        var admin = await system.SignInAsync("admin");
        var instants = 0;
        foreach (var path in new[]
                 {
                     "api/procurement/tenders", $"api/procurement/contracts/{contract.Id}", "api/procurement/ocds/releases",
                     "api/inventory/shipments", $"api/inventory/assets/{deployed.Id}/passport", $"api/inventory/assets/{deployed.Id}/custody",
                     $"api/maintenance/assets/{deployed.Id}/status-history", "api/maintenance/work-orders",
                     $"api/reporting/grants/{grant.Id}/visits", $"api/reporting/visits/{visit.Id}", $"api/reporting/grants/{grant.Id}/versions",
                 })
            instants += Equipment.Testing.InstantAssert.EveryInstantIsUtc(global::System.Text.Json.Nodes.JsonNode.Parse(await admin.Http.GetStringAsync(path)), path);
        Assert.True(instants >= 10, $"only {instants} instants were read: the check proves little");

        var otherMonitor = await system.SignInAsync("monitor2");
        var hidden = await Assert.ThrowsAsync<ApiException>(() => otherMonitor.Reporting.GetGrantAsync(grant.Id));
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
    }

    [Fact]
    public async Task The_gateway_refuses_anonymous_calls_and_reports_the_systems_health()
    {
        using var anonymous = new HttpClient { BaseAddress = system.Gateway };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/inventory/assets")).StatusCode);
        var health = await anonymous.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        foreach (var service in new[] { "procurement", "inventory", "maintenance", "donor-reporting" })
            Assert.Contains($"\"{service}\"", body);
    }

    [Fact]
    public async Task Sign_ins_the_portal_forwards_are_limited_per_browser_not_for_the_portal_as_a_whole()
    {
        // As the portal does: from its own address (Portal:SourceAddress), the only one whose X-Forwarded-For the gateway believes.
        var portal = global::System.Net.IPAddress.Parse("127.0.0.2");
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new global::System.Net.Sockets.Socket(portal.AddressFamily, global::System.Net.Sockets.SocketType.Stream, global::System.Net.Sockets.ProtocolType.Tcp);
                socket.Bind(new global::System.Net.IPEndPoint(portal, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new global::System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = system.Gateway };
        async Task<HttpStatusCode> SignInFromAsync(string browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/token")
            {
                Content = global::System.Net.Http.Json.JsonContent.Create(new { username = "monitor", password = "demo" }),
            };
            request.Headers.Add("X-Forwarded-For", browser);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var limit = 30;                                                    // RateLimiting:TokenPermitLimit, per minute
        for (var i = 0; i < limit; i++) Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync("203.0.113.8"));
    }
}
