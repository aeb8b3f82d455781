using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using System.Net;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

/// <summary>ETag on reads, If-Match on writes: a stale one is 412 with nothing written, a current one writes and answers the new ETag.</summary>
public class EntityTagTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    [Fact]
    public async Task A_stale_If_Match_amends_no_grant_and_the_current_one_does_and_answers_the_new_ETag()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var path = $"/api/reporting/grants/{grantId}";
        var read = await ETagAssert.ReadAsync(_world.Admin, path);
        object Amendment(int version) => new { expectedVersion = version, effectiveOn = "2025-09-01", reason = "Rider 1", title = "Renamed action" };

        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_world.Admin, path + "/amendments", Amendment(1), ETagAssert.Stale), read);
        Assert.Equal(read, await ETagAssert.ReadAsync(_world.Admin, path));
        Assert.Equal(0, await factory.WithDbAsync<ReportingDbContext, int>(db => db.GrantVersions.CountAsync(v => v.GrantId == grantId && v.Version == 2)));
        Assert.Equal(0, await EventsAsync(grantId));

        using var amended = await ETagAssert.PostAsync(_world.Admin, path + "/amendments", Amendment(1), read);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, amended);
        var now = ETagAssert.Of(amended);
        Assert.NotEqual(read, now);
        Assert.Equal(now, await ETagAssert.ReadAsync(_world.Admin, path));
        Assert.Equal(1, await EventsAsync(grantId));

        // The tag read before is stale now, whatever the body says.
        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_world.Admin, path + "/amendments", Amendment(2), read), now);
        Assert.Equal(1, await EventsAsync(grantId));
    }

    [Fact]
    public async Task Another_donors_monitor_gets_404_for_a_visit_whatever_its_If_Match_and_no_tag_tells_it_exists()
    {
        var donor = await _world.DonorAsync();
        var grantId = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grantId);
        await _world.DeliverAllAsync(history.Events);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = ReportingWorld.DehibaWazin, plannedFor = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), sampleSize = 2, seed = 3 }));
        var path = $"/api/reporting/visits/{visit["id"]}";
        var tag = await ETagAssert.ReadAsync(monitor, path);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        object Findings() => new
        {
            visitedOn = DateOnly.FromDateTime(now),
            findings = new object[] { new { assetId = history.A2, finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, latitude = 31.9961, longitude = 10.7054, observedAt = now.AddHours(-1) },
                new { assetId = history.A3, finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, latitude = 31.9961, longitude = 10.7054, observedAt = now.AddHours(-1) } },
        };

        using var stranger = factory.ClientAs(Roles.DonorMonitor, await _world.DonorAsync());
        foreach (var ifMatch in new[] { ETagAssert.Stale, tag })
        {
            using var refused = await ETagAssert.PostAsync(stranger, path + "/findings", Findings(), ifMatch);
            await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, refused);
            Assert.Null(refused.Headers.ETag);
        }
        // Its own monitor with a stale tag: 412 naming the current tag (in the body: refused at save, where the exception
        // handler's answer carries no ETag header), and nothing written.
        using var stale = await ETagAssert.PostAsync(monitor, path + "/findings", Findings(), ETagAssert.Stale);
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal(("PreconditionFailed", tag), (problem["rule"]!.GetValue<string>(), problem["currentETag"]!.GetValue<string>()));
        Assert.Equal(tag, await ETagAssert.ReadAsync(monitor, path));
    }

    private Task<int> EventsAsync(Guid grantId) => factory.WithDbAsync<ReportingDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == GrantAmended.Topic && m.Payload.Contains(grantId.ToString())));
}
