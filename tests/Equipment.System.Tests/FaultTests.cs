using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Extensions.DependencyInjection;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Contracts;

namespace Equipment.System.Tests;

/// <summary>What at-least-once delivery must survive: a sidecar down, a subscriber down, a message delivered twice.</summary>
public class FaultTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private readonly HttpClient _direct = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task With_the_sidecar_stopped_a_contract_is_still_signed_and_its_event_waits_in_the_outbox_until_it_is_back()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");

        await system.StopAsync("dev-sidecar");
        ContractResponse contract;
        try
        {
            contract = await scenario.SignContractAsync(grant);
            Assert.Equal(ContractStatus.Signed, contract.Status);
            await Poll.UntilAsync(() => OutboxBacklogAsync(system["procurement"].Url), backlog => backlog >= 1, Scenario.Deadline,
                "procurement's outbox to hold the waiting event");
        }
        finally
        {
            await system.StartAsync("dev-sidecar");
        }

        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        Assert.Equal(2, expected.TotalCount);
        await Poll.UntilAsync(() => OutboxBacklogAsync(system["procurement"].Url), backlog => backlog == 0, Scenario.Deadline, "the outbox to drain");
    }

    [Fact]
    public async Task A_subscriber_down_for_a_while_receives_everything_when_it_comes_back()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grants = new List<GrantResponse>();
        for (var i = 0; i < 3; i++) grants.Add(await scenario.RegisterGrantAsync("EU-DGNEAR"));

        await system.StopAsync("inventory");
        var contracts = new List<ContractResponse>();
        try
        {
            foreach (var grant in grants) contracts.Add(await scenario.SignContractAsync(grant));
            await Poll.UntilAsync(() => PendingDeliveriesAsync(), pending => pending >= 3, Scenario.Deadline, "the sidecar to hold the deliveries for inventory");
        }
        finally
        {
            await system.StartAsync("inventory");
        }

        foreach (var contract in contracts)
            Assert.Equal(2, (await scenario.ExpectedAsync(contract.Id, atLeast: 2)).TotalCount);
    }

    [Fact]
    public async Task A_killed_service_is_started_again_while_the_others_answer_and_then_applies_what_it_missed_once_each()
    {
        var scenario = await Scenario.SignInAsync(system);
        var monitor = await system.SignInAsync("monitor");
        var grants = new List<GrantResponse>();
        for (var i = 0; i < 2; i++) grants.Add(await scenario.RegisterGrantAsync("EU-DGNEAR"));
        var restarts = system.App.Services.GetRequiredService<RestartCrashedParts>();
        var before = restarts.Restarts.GetValueOrDefault("inventory");

        var killed = await system.KillAsync("inventory");

        // The others keep answering through the gateway, and keep producing events for inventory.
        var contracts = new List<ContractResponse>();
        foreach (var grant in grants) contracts.Add(await scenario.SignContractAsync(grant, cameras: 3));
        Assert.NotEmpty((await monitor.Reporting.ListGrantsAsync()).Items);

        // The AppHost starts it again by itself.
        await Poll.UntilAsync(() => Task.FromResult(restarts.Restarts.GetValueOrDefault("inventory")), n => n > before, TimeSpan.FromMinutes(1),
            $"the AppHost to start inventory again after pid {killed} was killed");
        await system.WaitHealthyAsync("inventory");

        foreach (var contract in contracts)
        {
            var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
            Assert.Equal(2, expected.TotalCount);
            Assert.Equal([3, 5], expected.Items.OrderBy(l => l.ContractLineNumber).Select(l => l.QuantityExpected));
        }
    }

    [Fact]
    public async Task The_same_cloud_event_delivered_twice_changes_inventory_once()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contractId = Guid.NewGuid();
        var signed = new ContractSigned(contractId, "C-TWICE-" + contractId.ToString("N")[..6], grant.Id, "EU-DGNEAR",
            "Thermovision Systems GmbH", "DE", Scenario.Today, "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 3, 42_500m, "TN-RAS-AJDIR", Scenario.Today.AddDays(30), 24)]) { OccurredAt = DateTimeOffset.UtcNow };
        var cloudEvent = new JsonObject
        {
            ["id"] = signed.EventId.ToString(), ["source"] = "procurement", ["type"] = nameof(ContractSigned), ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json", ["topic"] = ContractSigned.Topic, ["pubsubname"] = "pubsub",
            ["data"] = JsonSerializer.SerializeToNode(signed, EventJson.Options),
        }.ToJsonString();

        HttpRequestMessage Delivery(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(system["inventory"].Url, $"events/{ContractSigned.Topic}"))
            {
                Content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json"),
            };
            if (token is not null) request.Headers.Add("dapr-api-token", token);
            return request;
        }

        // Anyone but the sidecar is refused: no token, or a guessed one.
        foreach (var forged in new[] { null, "guess" })
        {
            using var refused = await _direct.SendAsync(Delivery(forged));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // Deliver it twice to inventory, as a sidecar does after a lost acknowledgement.
        for (var i = 0; i < 2; i++)
        {
            using var response = await _direct.SendAsync(Delivery(system.AppApiToken));
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal("SUCCESS", answer!["status"]!.GetValue<string>());
        }

        var expected = await scenario.ExpectedAsync(contractId);
        var line = Assert.Single(expected.Items);
        Assert.Equal(3, line.QuantityExpected);
    }

    private async Task<int> OutboxBacklogAsync(Uri service)
    {
        var health = await _direct.GetFromJsonAsync<JsonObject>(new Uri(service, "health/ready"));
        return health!["checks"]!["outbox"]!["data"]!["backlog"]!.GetValue<int>();
    }

    private async Task<int> PendingDeliveriesAsync()
    {
        var metadata = await _direct.GetFromJsonAsync<JsonObject>(new Uri(system["dev-sidecar"].Url, "v1.0/metadata"));
        return int.Parse(metadata!["extended"]!["pendingDeliveries"]!.GetValue<string>());
    }
}
