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

    private Task<int> EventsAsync(Guid grantId) => factory.WithDbAsync<ReportingDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == GrantAmended.Topic && m.Payload.Contains(grantId.ToString())));
}
