using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Equipment.DevSidecar.Tests;

public class SidecarFactory(string databasePath, params FakeSubscriber[] apps) : WebApplicationFactory<Program>
{
    public int? MaxConcurrentDeliveries { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (MaxConcurrentDeliveries is { } concurrency) builder.UseSetting("Sidecar:MaxConcurrentDeliveries", concurrency.ToString());
        builder.UseSetting("Sidecar:Database", $"Data Source={databasePath}");
        builder.UseSetting("Sidecar:DiscoveryInterval", "00:00:00.200");
        builder.UseSetting("Sidecar:PollInterval", "00:00:00.100");
        builder.UseSetting("Sidecar:FirstRetryDelay", "00:00:00.050");
        builder.UseSetting("Sidecar:MaxRetryDelay", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        for (var i = 0; i < 4; i++)
        {
            builder.UseSetting($"Sidecar:Apps:{i}:AppId", i < apps.Length ? $"app{i}" : "");
            builder.UseSetting($"Sidecar:Apps:{i}:Url", i < apps.Length ? apps[i].Url : "");
        }
    }
}

public class DevSidecarTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"equipment-sidecar-{Guid.NewGuid():N}.db");
    private readonly FakeSubscriber _app = new();
    private readonly FakeSubscriber _deadLetters = new();
    private SidecarFactory? _sidecar;

    private SidecarFactory Sidecar => _sidecar ??= new SidecarFactory(_database, _app, _deadLetters);

    public async Task InitializeAsync()
    {
        _app.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders","deadLetterTopic":"orders-dead"},{"PUBSUBNAME":"pubsub","Topic":"payments","routes":{"rules":[],"default":"/pay"}}]""";
        _deadLetters.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders-dead","route":"/dead"}]""";
        await _app.StartAsync();
        await _deadLetters.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        await _deadLetters.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task<HttpResponseMessage> PublishAsync(string topic, string id, string pubsub = "pubsub", string? query = null)
    {
        using var client = Sidecar.CreateClient();
        var body = $$"""{"specversion":"1.0","id":"{{id}}","source":"procurement","type":"OrderPlaced","datacontenttype":"application/json","data":{"orderId":42},"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""";
        var content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json");
        return await client.PostAsync($"/v1.0/publish/{pubsub}/{topic}{query}", content);
    }

    private Task WaitForSubscriptionsAsync(int count) => WaitForSubscriptionsAsync(n => n >= count, $"{count} subscriptions");

    private async Task WaitForSubscriptionsAsync(Func<int, bool> done, string what)
    {
        using var client = Sidecar.CreateClient();
        await Equipment.ApiClient.Poll.UntilAsync(async () => (await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/v1.0/metadata")))["subscriptions"]!.AsArray().Count,
            done, TimeSpan.FromSeconds(20), what);
    }

    private static Task<T> Eventually<T>(Func<T> probe, Func<T, bool> done, string what) =>
        Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(probe()), done, TimeSpan.FromSeconds(20), what);

    [Fact]
    public async Task An_app_gets_as_many_deliveries_at_once_as_configured_and_never_more()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.BeforeAnswer = () => held.Task;
        _sidecar = new SidecarFactory(_database, _app, _deadLetters) { MaxConcurrentDeliveries = 4 };
        await WaitForSubscriptionsAsync(3);
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync("orders", $"c-{i}")).StatusCode);

        await Eventually(() => _app.InFlight, n => n == 4, "4 deliveries in flight");
        Assert.Equal(4, _app.InFlight);                                   // the 5th waits for a free slot: back-pressure
        held.SetResult();
        await Eventually(() => _app.Deliveries.Count, n => n == 20, "all 20 delivered");
        Assert.Equal(4, _app.MaxInFlight);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"c-{i}").Order(), _app.Deliveries.Select(d => d.Body["id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_bulk_subscriber_gets_what_is_due_together_and_each_entry_is_settled_by_its_own_status()
    {
        _app.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders","deadLetterTopic":"orders-dead","bulkSubscribe":{"enabled":true,"maxMessagesCount":3,"maxAwaitDurationMs":40}}]""";
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.BeforeAnswer = () => held.Task;
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        _app.AnswerFromBody = body =>
        {
            var statuses = new JsonArray();
            foreach (var entry in body["entries"]!.AsArray())
            {
                var id = entry!["event"]!["id"]!.GetValue<string>();
                var time = seen.AddOrUpdate(id, 1, (_, n) => n + 1);
                var status = (id, time) switch
                {
                    ("b-2", 1) => "RETRY",
                    ("b-3", _) => "DROP",
                    ("b-4", 1) => null,                          // left out: RETRY
                    _ => "SUCCESS",
                };
                if (status is not null) statuses.Add(new JsonObject { ["entryId"] = entry["entryId"]!.GetValue<string>(), ["status"] = status });
            }
            return (200, new JsonObject { ["statuses"] = statuses }.ToJsonString());
        };
        _sidecar = new SidecarFactory(_database, _app, _deadLetters) { MaxConcurrentDeliveries = 1 };
        await WaitForSubscriptionsAsync(2);
        await PublishAsync("orders", "b-0");
        await Eventually(() => _app.InFlight, n => n == 1, "the first bulk in flight");
        for (var i = 1; i <= 6; i++) await PublishAsync("orders", $"b-{i}");   // due meanwhile: they go together
        held.SetResult();

        await Eventually(() => seen.ToDictionary(), s => s.Count == 7 && s["b-2"] >= 2 && s["b-4"] >= 2, "every entry, and again the retried and the left-out one");
        var dead = await Eventually(() => _deadLetters.Deliveries.ToList(), d => d.Count >= 1, "the dropped entry's dead letter");
        Assert.Equal("b-3", Assert.Single(dead).Body["id"]!.GetValue<string>());

        var bulks = _app.Deliveries.ToList();
        Assert.All(bulks, b => Assert.Equal("com.dapr.event.sent.bulk", b.Body["type"]!.GetValue<string>()));
        Assert.All(bulks, b => Assert.Equal("/events/orders", b.Path));
        Assert.All(bulks, b => Assert.InRange(b.Body["entries"]!.AsArray().Count, 1, 3));
        Assert.Contains(bulks, b => b.Body["entries"]!.AsArray().Count == 3);   // what came due while one was in flight went together
        Assert.True(bulks.Count < 9, $"{bulks.Count} deliveries for 9 attempts: not one at a time");
        Assert.Equal(42, bulks[0].Body["entries"]![0]!["event"]!["data"]!["orderId"]!.GetValue<int>());
        // A settled entry is never delivered again: a message published after all of them settled comes, and they did not.
        await PublishAsync("orders", "b-end");
        await Eventually(() => seen.ContainsKey("b-end"), done => done, "the message published after them");
        Assert.Equal(1, seen["b-1"]);
        Assert.Equal(2, seen["b-2"]);
        Assert.Equal(1, seen["b-3"]);
    }

    [Fact]
    public async Task Publishing_answers_like_daprd()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await PublishAsync("orders", "o-1")).StatusCode);
        using (var client = Sidecar.CreateClient())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/v1.0/healthz")).StatusCode);
            Assert.Equal("dev-sidecar", (await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/v1.0/metadata")))["id"]!.GetValue<string>());
        }

        var unknown = await PublishAsync("orders", "o-2", pubsub: "kafka");
        var error = await HttpAssert.StatusAsync(HttpStatusCode.NotFound, unknown);
        Assert.Equal("ERR_PUBSUB_NOT_FOUND", error["errorCode"]!.GetValue<string>());
        Assert.Equal("pubsub kafka is not found", error["message"]!.GetValue<string>());
        Assert.Equal("DAPR_PUBSUB_NOT_FOUND", error["details"]![0]!["reason"]!.GetValue<string>());

        var badMetadata = await HttpAssert.StatusAsync(HttpStatusCode.BadRequest, await PublishAsync("orders", "o-3", query: "?metadata.rawPayload=maybe"));
        Assert.Equal("ERR_PUBSUB_REQUEST_METADATA", badMetadata["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscriptions_are_learnt_from_the_app_and_deliveries_carry_daprs_headers_and_envelope()
    {
        await WaitForSubscriptionsAsync(3);
        await PublishAsync("orders", "o-1");
        var delivery = await Eventually(() => _app.Deliveries.ToList(), d => d.Count >= 1, "the delivery");

        var received = Assert.Single(delivery);
        Assert.Equal("/events/orders", received.Path);
        Assert.Equal("application/cloudevents+json", received.ContentType?.Split(';')[0]);
        Assert.Equal("pubsub", received.PubSubName);
        // The delivery continues the message's trace: same trace id, the sidecar's delivery span as the parent.
        Assert.Matches("^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$", received.TraceParent);
        Assert.Equal("o-1", received.Body["id"]!.GetValue<string>());
        Assert.Equal("orders", received.Body["topic"]!.GetValue<string>());
        Assert.Equal("pubsub", received.Body["pubsubname"]!.GetValue<string>());
        Assert.Equal(42, received.Body["data"]!["orderId"]!.GetValue<int>());

        await PublishAsync("payments", "p-1");
        await Eventually(() => _app.Deliveries.ToList(), d => d.Any(x => x.Path == "/pay"), "routes.default to win");
    }

    [Fact]
    public async Task A_subscription_dropped_or_added_while_running_decides_where_the_next_publish_goes()
    {
        await WaitForSubscriptionsAsync(3);
        await PublishAsync("orders", "o-1");
        await Eventually(() => _app.Deliveries.ToList(), d => d.Any(x => x.Body["id"]!.GetValue<string>() == "o-1"), "o-1");

        _app.Subscriptions = """[{"pubsubname":"pubsub","topic":"payments","route":"/pay"}]""";     // orders dropped
        await WaitForSubscriptionsAsync(n => n == 2, "orders to be dropped");
        await PublishAsync("orders", "o-2");
        await PublishAsync("payments", "p-2");
        await PublishAsync("payments", "p-3");
        await Eventually(() => _app.Deliveries.ToList(), d => d.Any(x => x.Body["id"]!.GetValue<string>() == "p-3") && d.Any(x => x.Body["id"]!.GetValue<string>() == "p-2"), "p-2 and p-3");
        Assert.DoesNotContain(_app.Deliveries, d => d.Body["id"]!.GetValue<string>() == "o-2");

        _app.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders"},{"pubsubname":"pubsub","topic":"payments","route":"/pay"}]""";
        await WaitForSubscriptionsAsync(3);
        await PublishAsync("orders", "o-3");
        await Eventually(() => _app.Deliveries.ToList(), d => d.Any(x => x.Body["id"]!.GetValue<string>() == "o-3"), "o-3 after orders came back");
    }

    [Fact]
    public async Task Retry_and_failures_are_redelivered_until_success()
    {
        _app.Answer = (topic, attempt) => attempt switch
        {
            1 => (200, "{\"status\":\"RETRY\"}"),
            2 => (500, "boom"),
            3 => (200, "{\"status\":\"success\"}"),            // statuses are case-sensitive: unknown means retry
            _ => (200, ""),
        };
        await WaitForSubscriptionsAsync(3);
        await PublishAsync("orders", "o-1");
        await Eventually(() => _app.Deliveries.Count, n => n >= 4, "four attempts");
        Assert.Equal(4, _app.Deliveries.Count(d => d.Body["id"]!.GetValue<string>() == "o-1"));
        Assert.Empty(_deadLetters.Deliveries);
    }

    [Theory]
    [InlineData(200, "{\"status\":\"DROP\"}")]
    [InlineData(404, "")]
    public async Task A_dropped_message_goes_to_the_dead_letter_topic(int status, string body)
    {
        _app.Answer = (_, _) => (status, body);
        await WaitForSubscriptionsAsync(3);
        await PublishAsync("orders", "o-dead");
        var dead = await Eventually(() => _deadLetters.Deliveries.ToList(), d => d.Count >= 1, "the dead letter");
        Assert.Equal("o-dead", dead[0].Body["id"]!.GetValue<string>());
        Assert.Equal("orders-dead", dead[0].Body["topic"]!.GetValue<string>());
        Assert.Single(_app.Deliveries);
    }

    [Fact]
    public async Task Messages_survive_a_sidecar_restart_and_reach_an_app_that_was_down()
    {
        await WaitForSubscriptionsAsync(3);
        await _app.DisposeAsync();                                      // the subscriber goes down
        await PublishAsync("orders", "o-kept");
        await _sidecar!.DisposeAsync();                                 // then the sidecar stops too
        _sidecar = null;

        await _app.StartAsync();                                        // the subscriber comes back on its port
        _ = Sidecar.Server;                                             // a new sidecar on the same database
        var delivered = await Eventually(() => _app.Deliveries.ToList(), d => d.Any(x => x.Body["id"]!.GetValue<string>() == "o-kept"),
            "the stored message after both restarts");
        Assert.Equal("/events/orders", delivered.First(d => d.Body["id"]!.GetValue<string>() == "o-kept").Path);
    }
}
