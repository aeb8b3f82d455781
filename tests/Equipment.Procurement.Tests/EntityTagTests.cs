using System.Net;
using System.Net.Http.Json;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

/// <summary>ETag on reads, If-Match on writes: a stale one is 412 with nothing written, a current one writes and answers the new ETag.</summary>
public class EntityTagTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private Task<int> PublishedEventsAsync(Guid id) => factory.WithDbAsync<ProcurementDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == TenderPublished.Topic && m.Payload.Contains(id.ToString())));

    [Fact]
    public async Task A_stale_If_Match_publishes_nothing_and_the_current_one_publishes_and_answers_the_new_ETag()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var path = $"/api/procurement/tenders/{id}";
        var read = await ETagAssert.ReadAsync(world.Officer, path);
        var publish = new { publishedAt = world.Now, submissionDeadline = world.Now.AddDays(60) };

        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(world.Officer, path + "/publication", publish, ETagAssert.Stale), read, "Draft");
        Assert.Equal(read, await ETagAssert.ReadAsync(world.Officer, path));
        Assert.Equal(0, await PublishedEventsAsync(id));

        using var published = await ETagAssert.PostAsync(world.Officer, path + "/publication", publish, read);
        Assert.Equal("Published", (await HttpAssert.StatusAsync(HttpStatusCode.OK, published))["status"]!.GetValue<string>());
        var now = ETagAssert.Of(published);
        Assert.NotEqual(read, now);
        Assert.Equal(now, await ETagAssert.ReadAsync(world.Officer, path));
        Assert.Equal(1, await PublishedEventsAsync(id));

        // The tag read before the publication is stale now: a cancellation with it changes nothing.
        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(world.Officer, path + "/cancellation", new { reason = "Budget withdrawn" }, read), now, "Published");
        Assert.Equal(now, await ETagAssert.ReadAsync(world.Officer, path));
        // No If-Match: as before.
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await ETagAssert.PostAsync(world.Officer, path + "/cancellation", new { reason = "Budget withdrawn" }, null));
    }

    [Fact]
    public async Task The_typed_client_reads_the_ETag_and_sends_If_Match_in_a_precondition_scope()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var http = factory.CreateDefaultClient(new PreconditionHandler());
        http.DefaultRequestHeaders.Authorization = world.Officer.DefaultRequestHeaders.Authorization;
        var officer = EquipmentApi.For(http).Procurement;
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();

        string read;
        using (var scope = Precondition.Capture())
        {
            await officer.GetTenderAsync(id);
            read = scope.ETag!;
        }
        Assert.Equal(await ETagAssert.ReadAsync(world.Officer, $"/api/procurement/tenders/{id}"), read);
        var refused = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            using var stale = Precondition.IfMatch(ETagAssert.Stale);
            await officer.PublishAsync(id, new PublishTenderRequest(world.Now, world.Now.AddDays(60)));
        });
        Assert.Equal((HttpStatusCode.PreconditionFailed, read), (refused.Status, refused.Problem.GetProperty("currentETag").GetString()));
        using (var current = Precondition.IfMatch(read))
        {
            Assert.Equal(TenderStatus.Published, (await officer.PublishAsync(id, new PublishTenderRequest(world.Now, world.Now.AddDays(60)))).Status);
            Assert.NotEqual(read, current.ETag);
        }
    }

    [Fact]
    public async Task Fifty_officers_publishing_with_the_same_If_Match_give_one_winner_the_others_412_and_one_event()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        var read = await ETagAssert.ReadAsync(world.Officer, $"/api/procurement/tenders/{id}");
        var answers = await Race.RunAsync(factory.Gate, 50, _ => ETagAssert.PostAsync(world.Officer, $"/api/procurement/tenders/{id}/publication",
            new { publishedAt = world.Now, submissionDeadline = world.Now.AddDays(60) }, read));
        Race.AssertOneWinner(answers);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.Status));
        Assert.Equal(1, await PublishedEventsAsync(id));
    }
}
