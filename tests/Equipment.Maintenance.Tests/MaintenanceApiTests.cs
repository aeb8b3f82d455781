using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Tests;

public class MaintenanceApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private AssetRegistered Registered(Guid assetId, DateOnly warrantyEnds, string category = "ThermalCamera", string donor = "EU-DGNEAR") => new(assetId, "TC-" + assetId.ToString("N")[..6], category, "Thermal camera",
        Guid.NewGuid(), donor, Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), warrantyEnds) { OccurredAt = DateTimeOffset.UtcNow, SupplierName = "Thermovision GmbH", Model = "TV-MW640" };

    private async Task<Guid> DeployedAssetAsync(DateOnly? warrantyEnds = null, DateOnly? deployedOn = null, string category = "ThermalCamera", string donor = "EU-DGNEAR")
    {
        var assetId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, Registered(assetId, warrantyEnds ?? Today.AddMonths(23), category, donor)));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), donor, "TN-RAS-AJDIR", deployedOn ?? Today.AddDays(-10)) { OccurredAt = DateTimeOffset.UtcNow }));
        return assetId;
    }

    private Task<int> EventsAsync(string topic, Guid id) => factory.WithDbAsync<MaintenanceDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == topic && m.Payload.Contains(id.ToString())));

    [Fact]
    public async Task Without_a_token_401_and_roles_decide_who_writes()
    {
        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/maintenance/assets"));
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync("/api/maintenance/assets"));
        using var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        var assetId = await DeployedAssetAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await logistics.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/faults", new { symptom = "No image at night", severity = "High" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind = "Corrective" }));
    }

    [Fact]
    public async Task A_deployment_that_arrives_before_the_registration_is_retried_not_lost()
    {
        var assetId = Guid.NewGuid();
        var deployed = new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-RAS-AJDIR", Today) { OccurredAt = DateTimeOffset.UtcNow };
        var deploymentId = Guid.NewGuid().ToString();
        Assert.Equal("RETRY", await factory.DeliverAsync(AssetDeployed.Topic, deployed, deploymentId));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, Registered(assetId, Today.AddMonths(23))));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, deployed, deploymentId));
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync("/api/maintenance/assets?crossingPointCode=TN-RAS-AJDIR&pageSize=200"));
        var asset = Assert.Single(page["items"]!.AsArray(), a => a!["assetId"]!.GetValue<Guid>() == assetId)!;
        Assert.Equal("Operational", asset["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_plan_is_applied_on_deployment_once_however_often_the_event_comes_and_is_overdue_from_the_day_after()
    {
        await _technician.PostAsJsonAsync("/api/maintenance/plans", new { itemCategory = "PatrolVehicle", intervalDays = 90, intervalKm = 10_000, checklist = new[] { "Oil and filters", "Brakes", "Tyres" } });
        var assetId = Guid.NewGuid();
        var deployedOn = Today.AddDays(-100);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, Registered(assetId, Today.AddMonths(30), "PatrolVehicle")));
        var deployed = new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "RS-HORGOS", deployedOn) { OccurredAt = DateTimeOffset.UtcNow };
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, deployed, "dup-" + assetId));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, deployed, "dup-" + assetId));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, deployed));           // redelivered under another id
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db => db.Schedules.CountAsync(s => s.AssetId == assetId)));
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db => db.StatusHistory.CountAsync(s => s.AssetId == assetId)));

        async Task<bool> OverdueOn(DateOnly day) =>
            (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/overdue?on={day:yyyy-MM-dd}"))).AsArray()
                .Any(o => o!["assetId"]!.GetValue<Guid>() == assetId);
        Assert.False(await OverdueOn(deployedOn.AddDays(90)));
        Assert.True(await OverdueOn(deployedOn.AddDays(91)));

        // By use: 10,000 km logged since deployment makes it due before its date.
        var busy = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, Registered(busy, Today.AddMonths(30), "PatrolVehicle")));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(busy, Guid.NewGuid(), "EU-DGNEAR", "RS-HORGOS", Today.AddDays(-40)) { OccurredAt = DateTimeOffset.UtcNow }));
        async Task<string?> Why(Guid id) => (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/overdue?on={Today:yyyy-MM-dd}"))).AsArray()
            .FirstOrDefault(o => o!["assetId"]!.GetValue<Guid>() == id)?["why"]?.GetValue<string>();
        await _technician.PostAsJsonAsync($"/api/maintenance/assets/{busy}/usage", new { from = Today.AddDays(-40), to = Today.AddDays(-20), km = 6_000 });
        Assert.Null(await Why(busy));
        await _technician.PostAsJsonAsync($"/api/maintenance/assets/{busy}/usage", new { from = Today.AddDays(-19), to = Today.AddDays(-1), km = 4_000 });
        Assert.Contains("10,000 km", await Why(busy));
    }

    [Fact]
    public async Task A_corrective_job_raises_a_warranty_claim_on_the_warrantys_last_day_but_not_the_day_after()
    {
        var lastDay = await DeployedAssetAsync(warrantyEnds: Today);
        var expired = await DeployedAssetAsync(warrantyEnds: Today.AddDays(-1));
        var claimed = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId = lastDay, kind = "Corrective" }));
        Assert.NotNull(claimed["warrantyClaimId"]);
        Assert.Equal(1, await EventsAsync(WarrantyClaimRaised.Topic, lastDay));
        var unclaimed = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId = expired, kind = "Corrective" }));
        Assert.Null(unclaimed["warrantyClaimId"]);
        Assert.Equal(0, await EventsAsync(WarrantyClaimRaised.Topic, expired));

        var claimId = claimed["warrantyClaimId"]!.GetValue<Guid>();
        var listed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/work-orders?assetId={lastDay}"));
        Assert.Equal(claimId, Assert.Single(listed.AsArray())!["warrantyClaimId"]!.GetValue<Guid>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/warranty-claims/{claimId}/decision", new { accepted = true }));
        var resolved = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/warranty-claims/{claimId}/resolution", new { supplierBore = 1_200 }));
        Assert.Equal(("Resolved", 1_200m), (resolved["status"]!.GetValue<string>(), resolved["supplierBore"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task The_use_recorded_for_an_asset_is_listed_latest_first_and_paged_and_another_donors_monitor_reads_none_of_it()
    {
        var assetId = await DeployedAssetAsync(deployedOn: Today.AddDays(-60));
        foreach (var (from, to, hours) in new[] { (-50, -41, 30m), (-40, -31, 45m), (-30, -21, 12.5m) })
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/usage",
                new { from = Today.AddDays(from), to = Today.AddDays(to), hours }));
        var first = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/assets/{assetId}/usage?pageSize=2"));
        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.Equal([12.5m, 45m], first["items"]!.AsArray().Select(u => u!["hours"]!.GetValue<decimal>()));
        Assert.Equal("technician", first["items"]![0]!["by"]!.GetValue<string>());
        var second = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/assets/{assetId}/usage?page=2&pageSize=2"));
        Assert.Equal(30m, Assert.Single(second["items"]!.AsArray())!["hours"]!.GetValue<decimal>());

        var ownMonitor = factory.ClientAs(Roles.DonorMonitor, donor: "EU-DGNEAR");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await ownMonitor.GetAsync($"/api/maintenance/assets/{assetId}/usage"));
        var otherMonitor = factory.ClientAs(Roles.DonorMonitor, donor: "IT-MININT");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/maintenance/assets/{assetId}/usage"));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync($"/api/maintenance/assets/{assetId}/usage?pageSize=0"));
    }

    [Fact]
    public async Task A_technician_raises_a_claim_on_a_job_under_warranty_that_has_none_once_and_never_on_one_opened_after_the_warranty()
    {
        var covered = await DeployedAssetAsync(warrantyEnds: Today);
        var preventive = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId = covered, kind = "Preventive" }));
        Assert.Null(preventive["warrantyClaimId"]);
        var orderId = preventive["id"]!.GetValue<Guid>();

        var raised = await _technician.PostAsync($"/api/maintenance/work-orders/{orderId}/warranty-claim", null);
        var claim = await HttpAssert.StatusAsync(HttpStatusCode.Created, raised);
        var claimId = claim["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/maintenance/warranty-claims/{claimId}", raised.Headers.Location!.OriginalString);
        Assert.Equal(("Raised", orderId, Today), (claim["status"]!.GetValue<string>(), claim["workOrderId"]!.GetValue<Guid>(), DateOnly.Parse(claim["raisedOn"]!.GetValue<string>())));
        Assert.Equal(1, await EventsAsync(WarrantyClaimRaised.Topic, orderId));
        var read = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/warranty-claims/{claimId}"));
        Assert.StartsWith("TC-", read["serialNumber"]!.GetValue<string>());
        var order = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/work-orders/{orderId}"));
        Assert.Equal(claimId, order["warrantyClaimId"]!.GetValue<Guid>());
        Assert.Equal(read["serialNumber"]!.GetValue<string>(), order["serialNumber"]!.GetValue<string>());

        var again = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.PostAsync($"/api/maintenance/work-orders/{orderId}/warranty-claim", null));
        Assert.Equal("OneClaimPerWorkOrder", again["rule"]!.GetValue<string>());
        Assert.Equal(1, await EventsAsync(WarrantyClaimRaised.Topic, orderId));

        var expired = await DeployedAssetAsync(warrantyEnds: Today.AddDays(-1));
        var late = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId = expired, kind = "Corrective" })))["id"]!.GetValue<Guid>();
        var refused = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync($"/api/maintenance/work-orders/{late}/warranty-claim", null), "workOrderId");
        Assert.Equal("UnderWarranty", refused["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(0, await EventsAsync(WarrantyClaimRaised.Topic, late));

        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await _technician.PostAsync($"/api/maintenance/work-orders/{Guid.NewGuid()}/warranty-claim", null));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await _technician.GetAsync($"/api/maintenance/warranty-claims/{Guid.NewGuid()}"));
        var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await logistics.PostAsync($"/api/maintenance/work-orders/{late}/warranty-claim", null)).StatusCode);
    }

    [Fact]
    public async Task A_work_order_runs_its_course_publishes_its_completion_once_and_refuses_illegal_steps()
    {
        var assetId = await DeployedAssetAsync();
        var order = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind = "Preventive" }));
        var id = order["id"]!.GetValue<Guid>();
        var early = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/completion",
            new { on = Today, labourHours = 2, outcome = "Done" }));
        Assert.Equal("Open", early["currentState"]!.GetValue<string>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/schedule", new { on = Today, technician = "A. Trabelsi" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { }));
        var done = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/completion", new
        {
            on = Today, labourHours = 3.5, outcome = "Lens cleaned, firmware updated", parts = new[] { new { name = "Desiccant pack", quantity = 2, unitCost = 15.5 } },
        }));
        Assert.Equal(31m, done["partsCost"]!.GetValue<decimal>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/cancellation", new { reason = "late" }));
        Assert.Equal(1, await EventsAsync(WorkOrderCompleted.Topic, id));
    }

    [Fact]
    public async Task A_work_order_completed_a_day_before_it_started_is_refused_naming_both_days_and_on_the_day_is_accepted()
    {
        var assetId = await DeployedAssetAsync();
        var id = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind = "Corrective" })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/schedule", new { on = Today.AddDays(-5), technician = "A. Trabelsi" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { on = Today.AddDays(1) }), field: "on");
        var started = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/start", new { on = Today.AddDays(-3) }));
        Assert.Equal(Today.AddDays(-3).ToString("yyyy-MM-dd"), started["startedOn"]!.GetValue<string>());

        var early = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/completion",
            new { on = Today.AddDays(-4), labourHours = 2, outcome = "Cooler replaced" }), field: "on");
        Assert.Equal("NotBeforeStart", early["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains(Today.AddDays(-3).ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
        Assert.Contains(Today.AddDays(-4).ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(0, await EventsAsync(WorkOrderCompleted.Topic, id));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{id}/completion",
            new { on = Today.AddDays(-3), labourHours = 2, outcome = "Cooler replaced" }));
    }

    [Fact]
    public async Task Availability_over_a_fixed_status_history_matches_the_hand_computed_share()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var assetId = await DeployedAssetAsync(deployedOn: DateOnly.FromDateTime(start));                 // operational from day 0
        foreach (var (day, status) in new[] { (4, "OutOfService"), (6, "UnderRepair"), (7, "Operational") })
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/status",
                new { status, at = start.AddDays(day), reason = "test history" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/status",
            new { status = "Degraded", at = start.AddDays(5), reason = "rewriting history" }), field: "at");
        Assert.Equal(3, await EventsAsync(AssetStatusChanged.Topic, assetId));

        var serial = "TC-" + assetId.ToString("N")[..6];
        var rows = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/availability?from=2026-01-04T00:00:00Z&to=2026-01-09T00:00:00Z&by=asset"));
        var row = rows.AsArray().Single(r => r!["key"]!.GetValue<string>() == serial)!;
        // Period days 4–9: out of service 4–6, under repair 6–7, operational 7–9: 2 days of 5 = 0.4, over 120 known hours.
        Assert.Equal(0.4, row["availability"]!.GetValue<double>());
        Assert.Equal(120, row["knownHours"]!.GetValue<double>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync("/api/maintenance/availability?from=2026-01-09T00:00:00Z&to=2026-01-04T00:00:00Z"), field: "to");
    }

    [Fact]
    public async Task Availability_for_a_window_ending_in_the_future_counts_only_the_time_that_has_passed()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var deployedOn = DateOnly.FromDateTime(now).AddDays(-3);
        var deployedAt = deployedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var assetId = await DeployedAssetAsync(deployedOn: deployedOn);                                   // operational from its deployment
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/status",
            new { status = "OutOfService", at = now.AddDays(-1), reason = "Cooler failure" }));

        var to = now.AddDays(2);                                                                          // the window ends in two days
        var rows = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync(
            $"/api/maintenance/availability?from={deployedAt:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ss.fffffffZ}&by=asset"));
        var row = rows.AsArray().Single(r => r!["key"]!.GetValue<string>() == "TC-" + assetId.ToString("N")[..6])!;
        // By hand: known from the deployment to now, operational until a day ago; the two future days count for nothing
        // (counting them as the last status would give (now − 1 day − deployment) / (now + 2 days − deployment)).
        var known = now - deployedAt;
        var operational = now.AddDays(-1) - deployedAt;
        Assert.Equal(Math.Round(operational.TotalSeconds / known.TotalSeconds, 4), row["availability"]!.GetValue<double>());
        Assert.Equal(Math.Round(known.TotalHours, 2), row["knownHours"]!.GetValue<double>());
        Assert.Equal(now, row["countedTo"]!.GetValue<DateTime>().ToUniversalTime());

        var ahead = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync(
            $"/api/maintenance/availability?from={now.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&to={now.AddDays(2):yyyy-MM-ddTHH:mm:ssZ}&by=asset"));
        Assert.DoesNotContain(ahead.AsArray(), r => r!["key"]!.GetValue<string>() == "TC-" + assetId.ToString("N")[..6]);
    }

    [Fact]
    public async Task Usage_logs_refuse_negative_overlapping_and_future_entries()
    {
        var assetId = await DeployedAssetAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/usage", new { from = Today.AddDays(-10), to = Today.AddDays(-5), hours = 96 }));
        Assert.Equal(1, await EventsAsync(UsageRecorded.Topic, assetId));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/usage", new { from = Today.AddDays(-4), to = Today.AddDays(-3), hours = -1 }), field: "hours");
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/usage", new { from = Today.AddDays(-6), to = Today.AddDays(-2), hours = 10 }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/usage", new { from = Today.AddDays(-1), to = Today.AddDays(1), km = 10 }), field: "to");
    }

    [Fact]
    public async Task A_monitor_reads_its_own_donors_assets_only()
    {
        var own = await DeployedAssetAsync(donor: "EU-DGNEAR");
        var other = await DeployedAssetAsync(donor: "IT-MININT");
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/maintenance/assets?pageSize=200"));
        Assert.Contains(list["items"]!.AsArray(), a => a!["assetId"]!.GetValue<Guid>() == own);
        Assert.DoesNotContain(list["items"]!.AsArray(), a => a!["assetId"]!.GetValue<Guid>() == other);
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/maintenance/assets/{other}/status-history"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.PostAsJsonAsync($"/api/maintenance/assets/{own}/status", new { status = "Degraded", reason = "x" }));
    }

    [Fact]
    public async Task A_status_change_at_an_instant_reads_back_as_that_instant_in_utc()
    {
        var assetId = await DeployedAssetAsync(deployedOn: new DateOnly(2026, 9, 1));
        var changed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{assetId}/status",
            new { status = "Degraded", at = "2026-10-02T14:49:22+02:00", reason = "lens scratched" }));     // sent with another offset
        var history = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync($"/api/maintenance/assets/{assetId}/status-history"));
        Assert.True(InstantAssert.EveryInstantIsUtc(changed, "the change") >= 1);
        Assert.True(InstantAssert.EveryInstantIsUtc(history, "the history") >= 1);
        Assert.Equal("2026-10-02T12:49:22Z", changed["at"]!.GetValue<string>());
        Assert.Contains(history.AsArray(), h => h!["at"]!.GetValue<string>() == "2026-10-02T12:49:22Z");
    }
}
