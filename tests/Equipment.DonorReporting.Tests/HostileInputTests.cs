using System.Net;
using System.Net.Http.Json;
using Equipment.DonorReporting.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

/// <summary>Input a client can send that once answered 500 or stored a value that broke an export: each is a 400 problem naming the JSON path and the rule.</summary>
public class HostileInputTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response, field);
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == field && v["rule"]!.GetValue<string>() == rule);
    }

    [Fact]
    public async Task A_disbursement_of_the_largest_decimal_is_refused_not_overflowed()
    {
        var donor = await _world.DonorAsync();
        var grantId = await _world.GrantAsync(donor);
        using var response = await _world.Admin.PostAsync($"/api/reporting/grants/{grantId}/disbursements", new StringContent(
            """{"paidOn": "2025-06-01", "amount": 79228162514264337593543950335, "reference": "T1"}""", System.Text.Encoding.UTF8, "application/json"));
        await AssertRefusedAsync(response, "$.amount", "Range");
        Assert.Equal(0, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Disbursements.CountAsync(d => d.GrantId == grantId)));
    }

    [Fact]
    public async Task A_grant_reference_holding_a_nul_is_refused_so_no_export_can_break()
    {
        var donor = await _world.DonorAsync();
        var body = ReportingWorld.GrantBody("G-\u0000-" + Guid.NewGuid().ToString("N")[..6], donor);
        await AssertRefusedAsync(await _world.Admin.PostAsJsonAsync("/api/reporting/grants", body), "$.reference", "NoControlCharacters");
        body = ReportingWorld.GrantBody("G-" + Guid.NewGuid().ToString("N")[..6], donor);
        body["crossingPoints"]![0]!["name"] = "Ras\u0007Ajdir";
        await AssertRefusedAsync(await _world.Admin.PostAsJsonAsync("/api/reporting/grants", body), "$.crossingPoints[0].name", "NoControlCharacters");
        Assert.Equal(0, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Grants.CountAsync(g => g.DonorCode == donor)));
    }

    [Fact]
    public async Task A_null_budget_line_or_crossing_point_is_refused_naming_its_index()
    {
        var donor = await _world.DonorAsync();
        var body = ReportingWorld.GrantBody("G-" + Guid.NewGuid().ToString("N")[..6], donor);
        body["budgetLines"]!.AsArray().Add(null);
        await AssertRefusedAsync(await _world.Admin.PostAsJsonAsync("/api/reporting/grants", body), "$.budgetLines[1]", "NotNull");
        Assert.Equal(0, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Grants.CountAsync(g => g.DonorCode == donor)));
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_at_the_edge_naming_the_field()
    {
        // Found by the fuzz suite: a 1 MB photo reference in a finding reached the validator, which named another field;
        // a 1 MB allegation outcome was answered "no allegation" (404).
        var huge = new string('x', 1 << 20);
        await AssertRefusedAsync(await _world.Admin.PostAsync($"/api/reporting/visits/{Guid.NewGuid()}/findings", new StringContent(
            $$"""{"findings": [{"assetId": "{{Guid.NewGuid()}}", "photoReference": "{{huge}}"}]}""", System.Text.Encoding.UTF8, "application/json")),
            "$.findings[0].photoReference", "MaxLength");
        await AssertRefusedAsync(await _world.Admin.PostAsync($"/api/reporting/allegations/{Guid.NewGuid()}/status", new StringContent(
            $$"""{"outcome": "{{huge}}"}""", System.Text.Encoding.UTF8, "application/json")), "$.outcome", "MaxLength");
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused_naming_the_field()
    {
        // Found by the fuzz suite: "status": 99 bound as an allegation status that does not exist.
        await AssertRefusedAsync(await _world.Admin.PostAsync($"/api/reporting/allegations/{Guid.NewGuid()}/status", new StringContent(
            """{"status": 99, "outcome": "x"}""", System.Text.Encoding.UTF8, "application/json")), "$.status", "Type");
    }

    [Fact]
    public async Task A_sampling_weight_out_of_range_is_refused_naming_it()
    {
        // Found by the fuzz suite: a weight of 10^13 (or 7.9e28) was taken.
        var donor = await _world.DonorAsync();
        var grantId = await _world.GrantAsync(donor);
        await AssertRefusedAsync(await _world.Admin.PostAsync($"/api/reporting/grants/{grantId}/visits", new StringContent(
            """{"crossingPointCode": "TN-RAS-AJDIR", "plannedFor": "2026-12-10", "sampleSize": 3, "weights": {"value": 1e13, "timeSinceLastVisit": 1, "earlierFindings": 2}}""",
            System.Text.Encoding.UTF8, "application/json")), "weights.value", "InclusiveBetween");
        Assert.Equal(0, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Visits.CountAsync(v => v.GrantId == grantId)));
    }
}
