using System.Net.Http.Json;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

/// <summary>50 administrators at once on the same write, all having read the same state: one wins, the others get 409, never 500.</summary>
public class RaceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private const int Racers = 50;
    private readonly ReportingWorld _world = new(factory);

    [Fact]
    public async Task One_amendment_at_a_version_wins_and_publishes_one_event()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/amendments",
            new { expectedVersion = 1, effectiveOn = "2025-09-01", reason = $"Rider {i}", title = $"Title {i}" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db => db.GrantVersions.CountAsync(v => v.GrantId == grantId && v.Version == 2)));
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == GrantAmended.Topic && m.Payload.Contains(grantId.ToString()))));
    }

    [Fact]
    public async Task A_donor_code_is_registered_once()
    {
        var code = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _world.Admin.PostAsJsonAsync("/api/reporting/donors",
            new { code, name = $"Donor {i}", iatiOrganisationType = "15" }));
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Donors.CountAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task A_grant_reference_is_registered_once_and_publishes_one_event()
    {
        var donor = await _world.DonorAsync();
        var reference = "G-" + Guid.NewGuid().ToString("N")[..8];
        var answers = await Race.RunAsync(factory.Gate, Racers, _ => _world.Admin.PostAsJsonAsync("/api/reporting/grants", ReportingWorld.GrantBody(reference, donor)));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db => db.Grants.CountAsync(g => g.Reference == reference)));
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == GrantRegistered.Topic && m.Payload.Contains(reference))));
    }

    [Fact]
    public async Task A_visit_s_findings_are_recorded_once_however_many_monitors_race()
    {
        var donor = await _world.DonorAsync();
        var grantId = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grantId);
        await _world.DeliverAllAsync(history.Events);
        using var monitor = factory.ClientAs(Equipment.BuildingBlocks.Contracts.Roles.DonorMonitor, donor);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var visit = await HttpAssert.StatusAsync(System.Net.HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = ReportingWorld.DehibaWazin, plannedFor = DateOnly.FromDateTime(now), sampleSize = 2, seed = 5 }));
        var visitId = visit["id"]!.GetValue<Guid>();

        var answers = await Race.RunAsync(factory.Gate, Racers, i => monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/findings", new
        {
            visitedOn = DateOnly.FromDateTime(now),
            findings = new object[]
            {
                new { assetId = history.A2, finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, latitude = 31.9961, longitude = 10.7054, observedAt = now.AddHours(-1), note = $"Racer {i}" },
                new { assetId = history.A3, finding = "Relocated", signsOfUse = false, visibilityMarking = true, latitude = 31.9999, longitude = 10.7111, observedAt = now.AddHours(-1) },
            },
        }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
        var recorded = await HttpAssert.StatusAsync(System.Net.HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/visits/{visitId}"));
        Assert.Equal(2, recorded["findings"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_allegation_is_closed_once()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var allegation = (await HttpAssert.StatusAsync(System.Net.HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/allegations",
            new { reportedBy = "Anonymous hotline", allegation = "Camera used to watch a private villa" })))["id"]!.GetValue<Guid>();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _world.Admin.PostAsJsonAsync($"/api/reporting/allegations/{allegation}/status",
            new { status = "Closed", outcome = $"Not substantiated ({i})" }));
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
    }
}
