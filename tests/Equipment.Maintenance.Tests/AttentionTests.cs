using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Testing;

namespace Equipment.Maintenance.Tests;

/// <summary><c>GET /api/maintenance/attention</c>: warranties ending within 60 days (not 61), preventive maintenance due or overdue, per role and donor.</summary>
public class AttentionTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> AssetAsync(string donor, DateOnly warrantyEndsOn, string category = "ThermalCamera", DateOnly? deployedOn = null)
    {
        var id = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(id, "TC-" + id.ToString("N")[..6], category, "Thermal camera",
            Guid.NewGuid(), donor, Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-30), warrantyEndsOn) { OccurredAt = DateTimeOffset.UtcNow }));
        if (deployedOn is { } on)
            Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(id, Guid.NewGuid(), donor, "TN-RAS-AJDIR", on) { OccurredAt = DateTimeOffset.UtcNow }));
        return id;
    }

    private static async Task<Dictionary<string, string>> AttentionAsync(HttpClient client)
    {
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/maintenance/attention?pageSize=200"));
        return page["items"]!.AsArray().ToDictionary(i => i!["entityId"]!.GetValue<string>() + "/" + i["kind"]!.GetValue<string>(), i => i!["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_warranty_ending_in_60_days_needs_attention_one_in_61_or_already_ended_does_not_and_each_donor_sees_its_own()
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var in60 = await AssetAsync(donor, Today.AddDays(60));
        var in61 = await AssetAsync(donor, Today.AddDays(61));
        var today = await AssetAsync(donor, Today);
        var ended = await AssetAsync(donor, Today.AddDays(-1));
        await AssetAsync("OTHER-" + donor, Today.AddDays(10));

        var items = await AttentionAsync(_technician);
        Assert.Equal(Today.AddDays(60).ToString("yyyy-MM-dd"), items[$"{in60}/WarrantyEnding"]);
        Assert.True(items.ContainsKey($"{today}/WarrantyEnding"));
        Assert.False(items.ContainsKey($"{in61}/WarrantyEnding"));
        Assert.False(items.ContainsKey($"{ended}/WarrantyEnding"));

        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var mine = await AttentionAsync(monitor);
        Assert.Equal(new[] { $"{in60}/WarrantyEnding", $"{today}/WarrantyEnding" }.Order(), mine.Keys.Order());   // not the other donor's

        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        var none = await HttpAssert.StatusAsync(HttpStatusCode.OK, await officer.GetAsync("/api/maintenance/attention"));
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Preventive_maintenance_overdue_since_yesterday_and_due_within_a_week_need_the_technicians_attention_not_the_monitors()
    {
        var category = "Cat" + Guid.NewGuid().ToString("N")[..6];
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/plans",
            new { itemCategory = category, intervalDays = 30, checklist = new[] { "Clean the lens" } }));
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var overdue = await AssetAsync(donor, Today.AddYears(2), category, Today.AddDays(-31));     // due yesterday
        var soon = await AssetAsync(donor, Today.AddYears(2), category, Today.AddDays(-23));        // due in 7 days
        var later = await AssetAsync(donor, Today.AddYears(2), category, Today.AddDays(-22));       // due in 8 days

        var items = await AttentionAsync(_technician);
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd"), items[$"{overdue}/PreventiveMaintenanceOverdue"]);
        Assert.Equal(Today.AddDays(7).ToString("yyyy-MM-dd"), items[$"{soon}/PreventiveMaintenanceDue"]);
        Assert.DoesNotContain(items.Keys, k => k.StartsWith(later.ToString()));

        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        Assert.DoesNotContain((await AttentionAsync(monitor)).Keys, k => k.Contains("Preventive"));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync("/api/maintenance/attention?pageSize=0"), field: "pageSize");
    }

    [Fact]
    public async Task A_vehicle_past_its_kilometres_needs_attention_today_though_its_date_is_months_away()
    {
        var category = "Veh" + Guid.NewGuid().ToString("N")[..6];
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/plans",
            new { itemCategory = category, intervalDays = 180, intervalKm = 10_000, checklist = new[] { "Oil and filters" } }));
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var busy = await AssetAsync(donor, Today.AddYears(2), category, Today.AddDays(-60));
        var quiet = await AssetAsync(donor, Today.AddYears(2), category, Today.AddDays(-60));
        await _technician.PostAsJsonAsync($"/api/maintenance/assets/{busy}/usage", new { from = Today.AddDays(-40), to = Today.AddDays(-1), km = 10_000 });
        await _technician.PostAsJsonAsync($"/api/maintenance/assets/{quiet}/usage", new { from = Today.AddDays(-40), to = Today.AddDays(-1), km = 9_999 });

        var items = await AttentionAsync(_technician);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), items[$"{busy}/PreventiveMaintenanceOverdue"]);
        Assert.DoesNotContain(items.Keys, k => k.StartsWith(quiet.ToString()));
    }
}
