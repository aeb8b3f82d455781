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

    [Fact]
    public async Task A_follow_up_marked_done_is_no_longer_open_nor_listed_and_is_done_once()
    {
        var mine = await VisitWithFollowUpAsync();
        using var monitor = factory.ClientAs(Roles.DonorMonitor, mine.Donor);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var path = $"/api/reporting/visits/{mine.Visit}/follow-ups";

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"{path}/1/completion", new { doneOn = today, outcome = "" }), "outcome");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"{path}/1/completion", new { doneOn = today.AddDays(1), outcome = "Trained" }), "doneOn");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.PostAsJsonAsync($"{path}/2/completion", new { doneOn = today, outcome = "Trained" }));
        using var stranger = factory.ClientAs(Roles.DonorMonitor, await _world.DonorAsync());
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await stranger.PostAsJsonAsync($"{path}/1/completion", new { doneOn = today, outcome = "Trained" }));
        Assert.True((await AttentionAsync(monitor)).ContainsKey(mine.Visit.ToString()));

        var visit = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"{path}/1/completion",
            new { doneOn = today, outcome = "Night shift trained on 3 cameras" }));
        var followUp = visit["followUps"]![0]!;
        Assert.Equal((today.ToString("yyyy-MM-dd"), "Night shift trained on 3 cameras", false),
            (followUp["doneOn"]!.GetValue<string>(), followUp["outcome"]!.GetValue<string>(), followUp["isOpen"]!.GetValue<bool>()));
        Assert.NotNull(followUp["doneBy"]);
        Assert.False((await AttentionAsync(monitor)).ContainsKey(mine.Visit.ToString()));

        var again = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await monitor.PostAsJsonAsync($"{path}/1/completion", new { doneOn = today, outcome = "Again" }));
        Assert.Equal("Done", again["currentState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_follow_up_is_recorded_open()
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
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visit}/findings", new
        {
            visitedOn = today,
            findings = new object[] { new { assetId = sampled, finding = "Unused", signsOfUse = false, visibilityMarking = true, observedAt = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1) } },
            followUps = new object[] { new { action = "Train", owner = "ICMPD", dueOn = today.AddDays(14), doneOn = today } },
        }), "followUps[0].doneOn");
    }
}
