using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

public partial class VerificationTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _admin = factory.ClientAs(Roles.Administrator);

    [Fact]
    public void The_same_seed_draws_the_same_sample_and_a_sample_never_repeats_an_asset()
    {
        var candidates = Enumerable.Range(0, 40).Select(i => new RiskSample.Candidate(Guid.NewGuid(), 1_000m * (i % 7 + 1), i % 30, i % 4 == 0 ? 1 : 0)).ToList();
        var weights = new SampleWeights(1, 1, 2);
        var first = RiskSample.Draw(candidates, 8, weights, seed: 42);
        Assert.Equal(first, RiskSample.Draw(candidates.AsEnumerable().Reverse().ToList(), 8, weights, seed: 42));
        Assert.Equal(8, first.Distinct().Count());
        Assert.NotEqual(first, RiskSample.Draw(candidates, 8, weights, seed: 43));
        Assert.Equal(40, RiskSample.Draw(candidates, 100, weights, seed: 1).Count);
    }

    private async Task<(Guid GrantId, string Donor, Guid[] Assets)> GrantWithDeployedAssetsAsync(int count)
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await _admin.PostAsJsonAsync("/api/reporting/donors", new { code = donor, name = "Donor" });
        var grant = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _admin.PostAsJsonAsync("/api/reporting/grants", new
        {
            reference = "G-" + donor, title = "IBM", donorCode = donor, instrument = "NdiciGlobalEurope", implementingPartner = "ICMPD", amount = 1_000_000,
            startDate = "2024-01-01", endDate = "2027-12-31", beneficiaryCountries = new[] { "TN" },
            crossingPoints = new[] { new { code = "TN-RAS-AJDIR", name = "Ras Ajdir", countryCode = "TN", neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 } },
        }));
        var grantId = grant["id"]!.GetValue<Guid>();
        var assets = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var asset in assets)
        {
            await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(asset, "SN-" + asset.ToString("N")[..6],
                "ThermalCamera", "Camera", grantId, donor, Guid.NewGuid(), 1, 40_000m, "EUR", today.AddDays(-60), today.AddMonths(20)) { OccurredAt = DateTimeOffset.UtcNow });
            await factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(asset, grantId, donor, "TN-RAS-AJDIR", today.AddDays(-30)) { OccurredAt = DateTimeOffset.UtcNow });
        }
        return (grantId, donor, assets);
    }

    [Fact]
    public async Task A_visit_dated_a_day_before_the_deployment_of_an_asset_it_found_is_refused_and_on_the_day_is_recorded()
    {
        var (grantId, donor, _) = await GrantWithDeployedAssetsAsync(1);            // deployed 30 days ago
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor, "monitor");
        var deployedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = "TN-RAS-AJDIR", plannedFor = deployedOn, sampleSize = 1, seed = 1 }));
        var asset = visit["sampledAssetIds"]![0]!.GetValue<Guid>();
        object Body(DateOnly on) => new
        {
            visitedOn = on,
            findings = new[] { new { assetId = asset, finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, photoReference = "p.jpg",
                latitude = 33.15, longitude = 11.56, observedAt = on.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) } },
        };
        var early = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visit["id"]}/findings", Body(deployedOn.AddDays(-1))),
            field: "visitedOn");
        Assert.Equal("NotBeforeDeployment", early["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains(deployedOn.ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
        Assert.Contains(deployedOn.AddDays(-1).ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visit["id"]}/findings", Body(deployedOn)));
    }

    [Fact]
    public async Task A_monitor_plans_a_reproducible_visit_records_a_finding_per_sampled_asset_and_the_findings_are_published()
    {
        var (grantId, donor, _) = await GrantWithDeployedAssetsAsync(6);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor, "monitor");
        var plan = new { crossingPointCode = "TN-RAS-AJDIR", plannedFor = DateOnly.FromDateTime(DateTime.UtcNow), sampleSize = 3, seed = 7 };
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits", plan));
        var again = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits", plan));
        var sample = visit["sampledAssetIds"]!.AsArray().Select(a => a!.GetValue<Guid>()).ToList();
        Assert.Equal(3, sample.Count);
        Assert.Equal(sample, again["sampledAssetIds"]!.AsArray().Select(a => a!.GetValue<Guid>()));

        var visitId = visit["id"]!.GetValue<Guid>();
        var now = DateTime.UtcNow;
        object Observation(Guid asset, string finding, string? note = null) => new
        {
            assetId = asset, finding, signsOfUse = finding != "Unused", visibilityMarking = true, photoReference = $"IMG_{asset:N}.jpg",
            latitude = 33.15, longitude = 11.56, observedAt = now, note,
        };
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/findings",
            new { visitedOn = DateOnly.FromDateTime(now), findings = new[] { Observation(sample[0], "FoundAsExpected") } }), field: "findings");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/findings",
            new { visitedOn = DateOnly.FromDateTime(now), findings = new[] { Observation(sample[0], "Misused"), Observation(sample[1], "Unused"), Observation(sample[2], "FoundAsExpected") } }),
            field: "findings[0].note");
        var recorded = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/findings", new
        {
            visitedOn = DateOnly.FromDateTime(now),
            findings = new[] { Observation(sample[0], "Relocated", "Moved to the shift office"), Observation(sample[1], "Unused"), Observation(sample[2], "FoundAsExpected") },
            followUps = new[] { new { action = "Return the camera to its tower", owner = "Garde nationale", dueOn = DateOnly.FromDateTime(now.AddDays(14)) } },
        }));
        Assert.Equal("Recorded", recorded["status"]!.GetValue<string>());
        var conflict = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/findings",
            new { visitedOn = DateOnly.FromDateTime(now), findings = new[] { Observation(sample[0], "FoundAsExpected") } }));
        Assert.Equal("Recorded", conflict["currentState"]!.GetValue<string>());

        var row = await factory.WithDbAsync<ReportingDbContext, Equipment.BuildingBlocks.Data.OutboxMessage>(db =>
            db.OutboxMessages.SingleAsync(m => m.Topic == VerificationRecorded.Topic && m.Payload.Contains(visitId.ToString())));
        var published = System.Text.Json.JsonSerializer.Deserialize<VerificationRecorded>(row.Payload, Equipment.BuildingBlocks.Data.EventJson.Options)!;
        Assert.Equal(["Relocated", "Unused", "FoundAsExpected"], published.Findings.Select(f => f.Finding.ToString()));
    }

    [Fact]
    public async Task Another_donors_monitor_sees_none_of_it()
    {
        var (grantId, donor, _) = await GrantWithDeployedAssetsAsync(2);
        using var own = factory.ClientAs(Roles.DonorMonitor, donor);
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await own.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { plannedFor = DateOnly.FromDateTime(DateTime.UtcNow), sampleSize = 1 }));
        using var other = factory.ClientAs(Roles.DonorMonitor, "SOMEONE-ELSE");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await other.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits", new { plannedFor = "2026-01-01", sampleSize = 1 }));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await other.GetAsync($"/api/reporting/visits/{visit["id"]}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await other.GetAsync($"/api/reporting/grants/{grantId}/allegations"));
        using var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits", new { plannedFor = "2026-01-01", sampleSize = 1 }));
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync($"/api/reporting/visits/{visit["id"]}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync($"/api/reporting/grants/{grantId}/visits"));
    }

    [Fact]
    public async Task Misuse_allegations_are_concluded_with_an_outcome_and_never_deleted()
    {
        var (grantId, donor, assets) = await GrantWithDeployedAssetsAsync(1);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var allegation = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/allegations",
            new { assetId = assets[0], reportedBy = "NGO field observer", allegation = "Camera used to watch a private property" }));
        var id = allegation["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/allegations/{id}/status", new { status = "UnderInvestigation" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/allegations/{id}/status", new { status = "Unsubstantiated" }), field: "outcome");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/allegations/{id}/status",
            new { status = "Unsubstantiated", outcome = "Field of view checked on site: border strip only" }));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync<ReportingDbContext, int>(async db =>
        {
            db.Allegations.Remove(await db.Allegations.SingleAsync(a => a.Id == id));
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("never deleted", e.Message);
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/grants/{grantId}/allegations"));
        Assert.Equal("Unsubstantiated", Assert.Single(list.AsArray())!["status"]!.GetValue<string>());
    }
}
