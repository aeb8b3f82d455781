using System.Net;
using System.Text;

namespace Equipment.DevSidecar.Tests;

/// <summary>The deliveries just committed, handed to each app's loop from memory instead of read back from the store.</summary>
public class HandOverTests : IAsyncLifetime
{
    private static (Delivery, StoredMessage) Committed(long id, string appId) =>
        (new Delivery { Id = id, AppId = appId, MessageId = id, Topic = "orders", Route = "/events/orders" }, new StoredMessage { Id = id, Topic = "orders" });

    [Fact]
    public void Each_app_is_handed_its_own_deliveries_in_their_order_and_an_app_without_a_loop_none()
    {
        var signal = new DeliverySignal();
        var a = signal.For("a");
        var b = signal.For("b");
        var woken = signal.Next;

        signal.Notify([Committed(1, "a"), Committed(2, "b"), Committed(3, "a"), Committed(4, "elsewhere")]);

        Assert.True(woken.IsCompleted);
        Assert.Equal([1L, 3L], a.Take(10).Select(h => h.Delivery.Id));
        Assert.Equal([2L], b.Take(10).Select(h => h.Delivery.Id));
        Assert.Empty(a.Take(10));
    }

    [Fact]
    public void What_does_not_fit_is_left_to_the_store_and_the_loop_is_told_to_read_it()
    {
        var handOver = new DeliverySignal().For("a");
        Assert.True(handOver.TakeReadRequest());                                   // at start: what was pending before
        Assert.False(handOver.TakeReadRequest());

        for (var id = 1; id <= HandOver.Capacity; id++) handOver.Add(Committed(id, "a"));
        Assert.False(handOver.TakeReadRequest());                                  // all of them fit
        handOver.Add(Committed(HandOver.Capacity + 1, "a"));

        Assert.True(handOver.TakeReadRequest());
        Assert.Equal(HandOver.Capacity, handOver.Take(int.MaxValue).Count);
    }

    [Fact]
    public void A_backlog_only_the_store_knows_makes_every_loop_read_it()
    {
        var signal = new DeliverySignal();
        var a = signal.For("a");
        var b = signal.For("b");
        a.TakeReadRequest();
        b.TakeReadRequest();

        signal.Notify();

        Assert.True(a.TakeReadRequest());
        Assert.True(b.TakeReadRequest());
    }

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"equipment-sidecar-{Guid.NewGuid():N}.db");
    private readonly FakeSubscriber _app = new() { Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders"}]""" };
    private SidecarFactory? _sidecar;

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private static async Task PublishAsync(HttpClient client, string id)
    {
        var body = $$"""{"specversion":"1.0","id":"{{id}}","source":"procurement","type":"OrderPlaced","datacontenttype":"application/json","data":{} }""";
        var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent(body, Encoding.UTF8, "application/cloudevents+json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<HttpClient> StartedSidecarAsync(int? maxConcurrentDeliveries = null)
    {
        _sidecar = new SidecarFactory(_database, _app) { MaxConcurrentDeliveries = maxConcurrentDeliveries };
        var client = _sidecar.CreateClient();
        await Equipment.ApiClient.Poll.UntilAsync(async () => await client.GetStringAsync("/v1.0/metadata"), m => m.Contains("\"orders\""),
            TimeSpan.FromSeconds(20), "the subscription");
        return client;
    }

    private string[] DeliveredIds() => _app.Deliveries.Select(d => d.Body["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Published_past_what_can_be_handed_over_while_the_app_is_busy_every_message_is_delivered_exactly_once()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.BeforeAnswer = () => held.Task;
        using var client = await StartedSidecarAsync(maxConcurrentDeliveries: 2);
        var count = HandOver.Capacity + 150;
        for (var i = 0; i < count; i++) await PublishAsync(client, $"m-{i}");

        held.SetResult();
        // Then from four publishers at once, while the loop reads the store every 100 ms: a delivery committed during a
        // read is both in the read and handed over.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async p =>
        {
            for (var i = 0; i < 150; i++) await PublishAsync(client, $"p{p}-{i}");
        }));
        count += 600;
        await Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(_app.Deliveries.Count), n => n >= count, TimeSpan.FromSeconds(60), $"{count} deliveries");
        await PublishAsync(client, "last");                                       // whatever would come twice comes before this one
        await Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(DeliveredIds()), ids => ids.Contains("last"), TimeSpan.FromSeconds(20), "the last message");

        var twice = DeliveredIds().GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
        Assert.Equal(count + 1, DeliveredIds().Length);
    }

    [Fact]
    public async Task A_retry_comes_due_while_new_messages_keep_the_loop_busy()
    {
        var first = true;
        _app.AnswerFromBody = body =>
        {
            if (body["id"]!.GetValue<string>() != "r-1" || !first) return (200, "{\"status\":\"SUCCESS\"}");
            first = false;
            return (200, "{\"status\":\"RETRY\"}");
        };
        using var client = await StartedSidecarAsync();
        await PublishAsync(client, "r-1");
        // A message every 20 ms: the loop is woken long before its poll interval (100 ms here) runs out, again and again.
        var published = 0;
        while (DeliveredIds().Count(id => id == "r-1") < 2 && published < 250)
        {
            await PublishAsync(client, $"n-{published++}");
            await Task.Delay(20);
        }
        Assert.Equal(2, DeliveredIds().Count(id => id == "r-1"));
        Assert.True(published < 250, "the retry was not delivered while new messages kept coming");
    }
}
