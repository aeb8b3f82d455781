using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Domain;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Equipment.Maintenance.Tests;

/// <summary>MTBF and MTTR per model and per crossing point on a fixed history, against values worked out by hand.</summary>
public class ReliabilityTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> DeployedAsync(string model, string crossingPoint, DateOnly deployedOn)
    {
        var id = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(id, "R-" + id.ToString("N")[..8], "ThermalCamera", "Thermal camera",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", deployedOn.AddDays(-5), Today.AddYears(2))
            { OccurredAt = DateTimeOffset.UtcNow, Manufacturer = "Thermovision", Model = model, SupplierName = "Thermovision GmbH" }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(id, Guid.NewGuid(), "EU-DGNEAR", crossingPoint, deployedOn) { OccurredAt = DateTimeOffset.UtcNow }));
        return id;
    }

    /// <summary>A fault reported now and its corrective work order, started today.</summary>
    private async Task<Guid> FaultWithWorkOrderAsync(Guid assetId)
    {
        var fault = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/faults",
            new { symptom = "No image", severity = "High" }));
        var order = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders",
            new { assetId, kind = "Corrective", faultReportId = fault["id"]!.GetValue<Guid>() }));
        var id = order["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/schedule", new { on = Today, technician = "A. Trabelsi" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { on = Today }));
        return id;
    }

    private async Task CompleteAsync(Guid workOrderId, DateOnly on) =>
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{workOrderId}/completion",
            new { on, labourHours = 4, outcome = "Repaired" }));

    [Fact]
    public async Task Mtbf_and_mttr_per_model_and_per_crossing_point_match_the_hand_computed_values()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (modelX, modelY, north, south) = ($"X-{tag}", $"Y-{tag}", $"XP-N-{tag}", $"XP-S-{tag}");
        var day0 = Today;
        var a = await DeployedAsync(modelX, north, day0.AddDays(-40));
        var b = await DeployedAsync(modelX, south, day0.AddDays(-20));
        await DeployedAsync(modelY, north, day0.AddDays(-10));                      // never fails
        var (a1, a2, b1) = (await FaultWithWorkOrderAsync(a), await FaultWithWorkOrderAsync(a), await FaultWithWorkOrderAsync(b));

        factory.Clock.Advance(TimeSpan.FromDays(3));                                 // today = day 0 + 3
        await CompleteAsync(a1, day0.AddDays(1));                                    // repaired in 1 day
        await CompleteAsync(a2, day0.AddDays(3));                                    // 3 days
        await CompleteAsync(b1, day0.AddDays(2));                                    // 2 days

        // By hand. In service to today: a 43 days, b 23, the Y camera 13.
        // Model X: 66 days / 3 faults = MTBF 22; repairs 1, 3, 2 days = MTTR 2. Model Y: 13 days, no fault, no repair.
        // North (a and the Y camera): 56 days / 2 faults = 28; repairs 1 and 3 = 2. South (b): 23 / 1 = 23; one repair of 2 days.
        var byModel = await FiguresAsync("model");
        Assert.Equal((2, 3, 66, 22.0, 3, 2.0), Row(byModel[$"Thermovision {modelX}"]));
        Assert.Equal((1, 0, 13, (double?)null, 0, (double?)null), RowOrNull(byModel[$"Thermovision {modelY}"]));
        var byPoint = await FiguresAsync("crossingPoint");
        Assert.Equal((2, 2, 56, 28.0, 2, 2.0), Row(byPoint[north]));
        Assert.Equal((1, 1, 23, 23.0, 1, 2.0), Row(byPoint[south]));

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync("/api/maintenance/reliability?by=colour"), field: "by");
    }

    [Fact]
    public async Task A_fault_recorded_after_the_fact_keeps_when_it_was_seen_and_one_ahead_of_time_is_refused()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var asset = await DeployedAsync($"Z-{tag}", $"XP-Z-{tag}", Today.AddDays(-30));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var seen = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddDays(-7);   // instants are kept to the microsecond
        var fault = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{asset}/faults",
            new { symptom = "No image after dusk", severity = "High", reportedAt = seen }));
        Assert.Equal(seen, fault["reportedAt"]!.GetValue<DateTime>().ToUniversalTime());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{asset}/faults",
            new { symptom = "Tomorrow's fault", severity = "Low", reportedAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(1) }), field: "reportedAt");
    }

    [Fact]
    public async Task A_fault_and_its_repair_are_published_for_the_donors_figures_once_each()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var asset = await DeployedAsync($"P-{tag}", $"XP-P-{tag}", Today.AddDays(-30));
        var order = await FaultWithWorkOrderAsync(asset);
        var preventive = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId = asset, kind = "Preventive" }));
        var preventiveId = preventive["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{preventiveId}/schedule", new { on = Today, technician = "A. Trabelsi" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{preventiveId}/start", new { on = Today }));
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await CompleteAsync(order, Today);
        await CompleteAsync(preventiveId, Today);

        var outbox = await factory.WithDbAsync<Data.MaintenanceDbContext, List<Equipment.BuildingBlocks.Data.OutboxMessage>>(db =>
            db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(asset.ToString())).ToListAsync());
        var reported = JsonNode.Parse(Assert.Single(outbox, m => m.Topic == FaultReported.Topic).Payload)!;
        var repaired = JsonNode.Parse(Assert.Single(outbox, m => m.Topic == FaultRepaired.Topic).Payload)!;   // the preventive job repairs no fault
        Assert.Equal(reported["faultReportId"]!.GetValue<Guid>(), repaired["faultReportId"]!.GetValue<Guid>());
        Assert.Equal((order, Today), (repaired["workOrderId"]!.GetValue<Guid>(), DateOnly.Parse(repaired["repairedOn"]!.GetValue<string>())));
        Assert.Equal(reported["reportedAt"]!.GetValue<DateTimeOffset>(), repaired["faultReportedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("High", reported["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Faults_recorded_before_their_events_existed_are_announced_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var asset = await DeployedAsync($"H-{tag}", $"XP-H-{tag}", Today.AddDays(-30));
        var order = await FaultWithWorkOrderAsync(asset);
        await CompleteAsync(order, Today);
        // What an upgraded database holds: the fault and its repair, no event for either, and no record of the announcement.
        await factory.WithDbAsync<Data.MaintenanceDbContext, int>(async db =>
            await db.OutboxMessages.Where(m => m.Topic == FaultReported.Topic || m.Topic == FaultRepaired.Topic).ExecuteDeleteAsync()
            + await db.Backfills.Where(b => b.Name == Features.Faults.AnnounceFaultHistory.Name).ExecuteDeleteAsync());

        var announcer = factory.Services.GetRequiredService<Features.Faults.AnnounceFaultHistory>();
        Assert.True(await announcer.RunAsync(CancellationToken.None) >= 2);
        Assert.Equal(0, await announcer.RunAsync(CancellationToken.None));              // once per database

        var (faultId, announced) = await factory.WithDbAsync<Data.MaintenanceDbContext, (Guid, List<Equipment.BuildingBlocks.Data.OutboxMessage>)>(async db =>
            (await db.Faults.Where(f => f.AssetId == asset).Select(f => f.Id).SingleAsync(),
             await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(asset.ToString()) && (m.Topic == FaultReported.Topic || m.Topic == FaultRepaired.Topic)).ToListAsync()));
        Assert.Equal(faultId, Assert.Single(announced, m => m.Topic == FaultReported.Topic).EventId);   // the fault's own id: a second announcer collides, never duplicates
        Assert.Equal(order, Assert.Single(announced, m => m.Topic == FaultRepaired.Topic).EventId);
    }

    private async Task<Dictionary<string, JsonNode>> FiguresAsync(string by) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/reliability?by={by}")))
            .AsArray().ToDictionary(r => r!["key"]!.GetValue<string>(), r => r!);

    private static (int, int, int, double, int, double) Row(JsonNode r) => (r["assets"]!.GetValue<int>(), r["failures"]!.GetValue<int>(),
        r["inServiceDays"]!.GetValue<int>(), r["mtbfDays"]!.GetValue<double>(), r["repairs"]!.GetValue<int>(), r["mttrDays"]!.GetValue<double>());

    private static (int, int, int, double?, int, double?) RowOrNull(JsonNode r) => (r["assets"]!.GetValue<int>(), r["failures"]!.GetValue<int>(),
        r["inServiceDays"]!.GetValue<int>(), r["mtbfDays"]?.GetValue<double>(), r["repairs"]!.GetValue<int>(), r["mttrDays"]?.GetValue<double>());

    [Fact]
    public void Reliability_adds_a_groups_time_in_service_and_faults_and_averages_its_repairs()
    {
        var today = new DateOnly(2026, 3, 31);
        var figures = Reliability.Group(
        [
            new Reliability.AssetHistory("X", new DateOnly(2026, 3, 1), today, 2, [1, 3]),
            new Reliability.AssetHistory("X", new DateOnly(2026, 3, 21), today, 1, [2]),
            new Reliability.AssetHistory("Y", new DateOnly(2026, 3, 28), today, 0, []),
        ]);
        Assert.Equal(new Reliability.Figures("X", 2, 3, 40, 13.33, 3, 2), figures[0]);
        Assert.Equal(new Reliability.Figures("Y", 1, 0, 3, null, 0, null), figures[1]);
    }
}
