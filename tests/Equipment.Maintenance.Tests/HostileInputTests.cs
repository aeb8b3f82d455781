using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Tests;

/// <summary>Input a client can send that once answered 500: each is answered as a client would expect, never 500.</summary>
public class HostileInputTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_plan_for_a_category_outside_ascii_is_saved_and_its_location_escaped()
    {
        using var response = await _technician.PostAsync("/api/maintenance/plans", Json("""
            {"itemCategory": "Caméra", "intervalDays": 180, "checklist": ["Lens"]}
            """));
        var plan = await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
        Assert.Equal("Caméra", plan["itemCategory"]!.GetValue<string>());
        Assert.Equal("/api/maintenance/plans/Cam%C3%A9ra", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithDbAsync<MaintenanceDbContext, int>(db => db.Plans.CountAsync(p => p.ItemCategory == "Caméra")));
    }

    [Fact]
    public async Task Availability_over_dates_out_of_range_is_refused_naming_the_parameter()
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _technician.GetAsync("/api/maintenance/availability?from=0001-01-01&to=9999-12-31&by=grant"), field: "from");
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == "to" && v["rule"]!.GetValue<string>() == "DateRange");
    }

    [Fact]
    public async Task Availability_of_many_assets_over_the_widest_period_allowed_does_not_overflow()
    {
        // 110 assets of one grant operational for three centuries: more ticks than a TimeSpan holds when summed.
        var grantId = Guid.NewGuid();
        var since = new DateOnly(1900, 1, 2);
        for (var i = 0; i < 110; i++)
        {
            var assetId = Guid.NewGuid();
            Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, $"OLD-{i:D3}-{assetId:N}"[..20], "Binoculars", "Binoculars",
                grantId, "EU-DGNEAR", Guid.NewGuid(), 1, 900m, "EUR", since, since.AddYears(2)) { OccurredAt = DateTimeOffset.UtcNow }));
            Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
                new AssetDeployed(assetId, grantId, "EU-DGNEAR", "TN-RAS-AJDIR", since) { OccurredAt = DateTimeOffset.UtcNow }));
        }
        var rows = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync("/api/maintenance/availability?from=1900-01-01&to=2199-12-31&by=grant"));
        var row = rows.AsArray().Single(r => r!["key"]!.GetValue<string>() == grantId.ToString())!;
        Assert.Equal(110, row["assets"]!.GetValue<int>());
        Assert.Equal(1.0, row["availability"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_null_item_in_a_checklist_or_parts_list_is_refused_naming_its_index()
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync("/api/maintenance/plans", Json("""
            {"itemCategory": "Radio", "intervalDays": 180, "checklist": ["Battery", null]}
            """)), field: "$.checklist[1]");
        Assert.Equal("NotNull", problem["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.False(await factory.WithDbAsync<MaintenanceDbContext, bool>(db => db.Plans.AnyAsync(p => p.ItemCategory == "Radio")));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync($"/api/maintenance/work-orders/{Guid.NewGuid()}/completion", Json("""
            {"on": "2026-11-20", "labourHours": 1, "outcome": "Done", "parts": [null]}
            """)), field: "$.parts[0]");
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_at_the_edge_naming_the_field_before_the_work_order_is_looked_up()
    {
        // Found by the fuzz suite: a 1 MB outcome was read as a completion and answered "no work order" (404).
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync($"/api/maintenance/work-orders/{Guid.NewGuid()}/completion",
            Json($$"""{"on": "2026-11-20", "labourHours": 1, "outcome": "{{new string('x', 1 << 20)}}", "parts": []}""")), field: "$.outcome");
        Assert.Equal("MaxLength", problem["violations"]![0]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused_naming_the_field()
    {
        // Found by the fuzz suite: "kind": 99 bound as a work-order kind that does not exist, and was answered "no asset".
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync("/api/maintenance/work-orders",
            Json($$"""{"assetId": "{{Guid.NewGuid()}}", "kind": 99}""")), field: "$.kind");
        Assert.Equal("Type", problem["violations"]![0]!["rule"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync($"/api/maintenance/assets/{Guid.NewGuid()}/status",
            Json("""{"status": 7, "at": "2026-11-20T08:00:00Z", "reason": "Broken"}""")), field: "$.status");
        Assert.Equal(0, await factory.WithDbAsync<MaintenanceDbContext, int>(db => db.WorkOrders.CountAsync(w => (int)w.Kind == 99)));
    }
}
