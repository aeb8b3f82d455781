using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Tests;

/// <summary>50 technicians at once on the same work order, all having read the same state: one wins, the others get 409 naming the state, never 500.</summary>
public class RaceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private const int Racers = 50;
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> ScheduledWorkOrderAsync()
    {
        var id = await OpenWorkOrderAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/schedule", new { on = Today, technician = "A. Trabelsi" }));
        return id;
    }

    private async Task<Guid> OpenWorkOrderAsync() => (await OpenWorkOrderAsync("Preventive"))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task A_warranty_claim_is_decided_once_and_resolved_once_however_many_technicians_race()
    {
        var claimId = (await OpenWorkOrderAsync("Corrective"))["warrantyClaimId"]!.GetValue<Guid>();
        var decisions = await Race.RunAsync(factory.Gate, Racers, i => _technician.PostAsJsonAsync($"/api/maintenance/warranty-claims/{claimId}/decision",
            new { accepted = true, notes = $"Accepted by racer {i}" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        var decided = System.Text.Json.Nodes.JsonNode.Parse(Race.AssertOneWinner(decisions))!;
        Assert.Equal("Accepted", decided["status"]!.GetValue<string>());

        var resolutions = await Race.RunAsync(factory.Gate, Racers, i => _technician.PostAsJsonAsync($"/api/maintenance/warranty-claims/{claimId}/resolution",
            new { supplierBore = 1_000 + i }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        var resolved = System.Text.Json.Nodes.JsonNode.Parse(Race.AssertOneWinner(resolutions))!;
        Assert.Equal("Resolved", resolved["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_work_order_gets_one_warranty_claim_however_many_technicians_raise_it_at_once()
    {
        var id = await OpenWorkOrderAsync();          // preventive: no claim of its own
        var answers = await Race.RunAsync(factory.Gate, Racers, _ => _technician.PostAsync($"/api/maintenance/work-orders/{id}/warranty-claim", null));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db => db.WarrantyClaims.CountAsync(c => c.WorkOrderId == id)));
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == WarrantyClaimRaised.Topic && m.Payload.Contains(id.ToString()))));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> OpenWorkOrderAsync(string kind)
    {
        var assetId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, "TC-" + assetId.ToString("N")[..6], "ThermalCamera", "Thermal camera",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), Today.AddMonths(23)) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-RAS-AJDIR", Today.AddDays(-10)) { OccurredAt = DateTimeOffset.UtcNow }));
        return await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind }));
    }

    [Fact]
    public async Task A_work_order_is_started_once()
    {
        var id = await ScheduledWorkOrderAsync();
        var answers = await Race.RunAsync(factory.Gate, Racers, _ => _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        var loser = System.Text.Json.Nodes.JsonNode.Parse(answers.First(a => a.Status == HttpStatusCode.Conflict).Body)!;
        Assert.Equal("InProgress", loser["currentState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_work_order_is_completed_once_and_publishes_one_event()
    {
        var id = await ScheduledWorkOrderAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { }));
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/completion",
            new { on = Today, labourHours = 1 + i, outcome = $"Done by racer {i}" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == WorkOrderCompleted.Topic && m.Payload.Contains(id.ToString()))));
    }

    [Fact]
    public async Task A_work_order_is_scheduled_once()
    {
        var id = await OpenWorkOrderAsync();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/schedule",
            new { on = Today, technician = $"Technician {i}" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
    }

    [Fact]
    public async Task A_work_order_is_cancelled_once()
    {
        var id = await ScheduledWorkOrderAsync();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/cancellation",
            new { reason = $"Asset replaced ({i})" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
    }
}
