using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary><c>GET /api/reporting/attention</c>: the follow-ups of recorded verification visits, for their donor's monitors and administrators only.</summary>
public class AttentionTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    private async Task<(string Donor, Guid Visit, DateOnly Due)> VisitWithFollowUpAsync()
    {
        var donor = await _world.DonorAsync();
        var grant = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grant);
        await _world.DeliverAllAsync(history.Events);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var visit = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grant}/visits",
            new { crossingPointCode = ReportingWorld.DehibaWazin, plannedFor = today, sampleSize = 1, seed = 3 })))["id"]!.GetValue<Guid>();
        var sampled = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/visits/{visit}")))["sampledAssetIds"]![0]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visit}/findings", new
        {
            visitedOn = today,
            findings = new object[] { new { assetId = sampled, finding = "Unused", signsOfUse = false, visibilityMarking = true, photoReference = "p.jpg", observedAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1) } },
            followUps = new object[] { new { action = "Train the night shift on the thermal camera", owner = "ICMPD", dueOn = today.AddDays(14) } },
        }));
        return (donor, visit, today.AddDays(14));
    }

    private static async Task<Dictionary<string, string>> AttentionAsync(HttpClient client) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/reporting/attention?pageSize=200")))["items"]!.AsArray()
            .ToDictionary(i => i!["entityId"]!.GetValue<string>(), i => i!["kind"]!.GetValue<string>() + " " + i["due"]!.GetValue<string>());

    [Fact]
    public async Task A_visits_follow_up_needs_its_donors_and_the_administrators_attention_not_another_donors()
    {
        var mine = await VisitWithFollowUpAsync();
        var theirs = await VisitWithFollowUpAsync();
        using var monitor = factory.ClientAs(Roles.DonorMonitor, mine.Donor);
        var items = await AttentionAsync(monitor);
        Assert.Equal($"VerificationFollowUpOpen {mine.Due:yyyy-MM-dd}", items[mine.Visit.ToString()]);
        Assert.False(items.ContainsKey(theirs.Visit.ToString()));
        Assert.True((await AttentionAsync(_world.Admin)).ContainsKey(theirs.Visit.ToString()));
        using var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        Assert.Empty(await AttentionAsync(logistics));
    }
}
