using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

public class GrantAmendmentTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    [Fact]
    public async Task An_amendment_keeps_every_version_and_announces_the_new_one()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var amended = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments", new
        {
            expectedVersion = 1,
            effectiveOn = "2025-09-01",
            reason = "Rider 1: six more months, a third crossing point",
            endDate = "2031-06-30",
            amount = 1_200_000,
            crossingPoints = new object[]
            {
                new { code = "TN-RAS-AJDIR", name = "Ras Ajdir", countryCode = "TN", neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 },
                new { code = "TN-DEHIBA-WAZIN", name = "Dehiba–Wazin", countryCode = "TN", neighbourCountryCode = "LY", latitude = 31.99, longitude = 10.70 },
                new { code = "TN-BOUCHEBKA", name = "Bouchebka", countryCode = "TN", neighbourCountryCode = "DZ", latitude = 35.17, longitude = 8.42 },
            },
        }));
        Assert.Equal((2, "2031-06-30", 3), (amended["version"]!.GetValue<int>(), amended["endDate"]!.GetValue<string>(), amended["crossingPoints"]!.AsArray().Count));
        Assert.Single(amended["budgetLines"]!.AsArray());                          // omitted: unchanged

        var versions = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}/versions"))).AsArray();
        Assert.Equal([1, 2], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("2030-12-31", versions[0]!["agreement"]!["endDate"]!.GetValue<string>());
        Assert.Equal(1_000_000m, versions[0]!["agreement"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("2031-06-30", versions[1]!["agreement"]!["endDate"]!.GetValue<string>());

        var message = await factory.WithDbAsync<ReportingDbContext, OutboxMessage>(db =>
            db.OutboxMessages.SingleAsync(m => m.Topic == GrantAmended.Topic && m.Payload.Contains(grantId.ToString())));
        var published = JsonSerializer.Deserialize<GrantAmended>(message.Payload, EventJson.Options)!;
        Assert.Equal((2, 1_200_000m, 3), (published.Version, published.Amount, published.CrossingPoints.Count));
    }

    [Fact]
    public async Task An_amendment_of_an_old_version_is_a_conflict_and_changes_nothing()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments",
            new { expectedVersion = 1, effectiveOn = "2025-09-01", reason = "Rider 1", title = "New title" }));
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments",
            new { expectedVersion = 1, effectiveOn = "2025-09-01", reason = "Rider 1 again", amount = 5 }));
        Assert.Contains("version 2", problem["detail"]!.GetValue<string>());
        var grant = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}"));
        Assert.Equal(1_000_000m, grant["grant"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_amendment_cannot_remove_an_agreed_crossing_point_and_names_the_rule()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var before = await factory.WithDbAsync<ReportingDbContext, int>(db => db.OutboxMessages.CountAsync());
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments", new
        {
            expectedVersion = 1, effectiveOn = "2025-09-01", reason = "Drop Dehiba",
            crossingPoints = new[] { new { code = "TN-RAS-AJDIR", name = "Ras Ajdir", countryCode = "TN", neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 } },
        }), field: "crossingPoints");
        Assert.Contains("TN-DEHIBA-WAZIN", problem["detail"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments",
            new { expectedVersion = 1, effectiveOn = "2025-09-01", reason = "" }), field: "reason");
        Assert.Equal(before, await factory.WithDbAsync<ReportingDbContext, int>(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Disbursements_cannot_exceed_the_grant_or_precede_it()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/disbursements",
            new { paidOn = "2025-02-01", amount = 900_000, reference = "PF-1" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/disbursements",
            new { paidOn = "2025-03-01", amount = 100_001, reference = "IP-2" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/disbursements",
            new { paidOn = "2024-12-31", amount = 1, reference = "EARLY" }), field: "paidOn");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/disbursements",
            new { paidOn = "2025-03-01", amount = -5, reference = "NEG" }), field: "amount");
    }

    [Fact]
    public async Task Indicators_are_checked_when_registered()
    {
        var body = ReportingWorld.GrantBody("G-IND-" + Guid.NewGuid().ToString("N")[..6], await _world.DonorAsync());
        body["indicators"]![1]!["target"] = 140;                 // a percentage above 100
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync("/api/reporting/grants", body), field: "indicators[1]");
        body["indicators"]![1]!["target"] = 90;
        body["indicators"]![0]!["source"] = "Guesswork";
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _world.Admin.PostAsJsonAsync("/api/reporting/grants", body));
    }
}
