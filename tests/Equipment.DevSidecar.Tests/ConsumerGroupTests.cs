using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Equipment.DevSidecar.Tests;

/// <summary>One app id with several instances (<c>Sidecar:Apps:0:Urls:N</c>), as a consumer group: each message goes to one of them.</summary>
public sealed class ConsumerGroupTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"equipment-sidecar-{Guid.NewGuid():N}.db");
    private readonly FakeSubscriber _first = new();
    private readonly FakeSubscriber _second = new();
    private GroupSidecarFactory? _sidecar;

    private sealed class GroupSidecarFactory(string databasePath, params string[] urls) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Sidecar:Database", $"Data Source={databasePath}");
            builder.UseSetting("Sidecar:DiscoveryInterval", "00:00:00.200");
            builder.UseSetting("Sidecar:PollInterval", "00:00:00.100");
            builder.UseSetting("Sidecar:FirstRetryDelay", "00:00:00.050");
            builder.UseSetting("Sidecar:MaxRetryDelay", "00:00:00.200");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Sidecar:Apps:0:AppId", "inventory");
            builder.UseSetting("Sidecar:Apps:0:Url", "");
            for (var i = 0; i < 4; i++) builder.UseSetting($"Sidecar:Apps:{i + 1}:AppId", "");
            for (var i = 0; i < urls.Length; i++) builder.UseSetting($"Sidecar:Apps:0:Urls:{i}", urls[i]);
        }
    }

    private GroupSidecarFactory Sidecar => _sidecar ??= new GroupSidecarFactory(_database, _first.Url, _second.Url);

    public async Task InitializeAsync()
    {
        foreach (var app in new[] { _first, _second })
        {
            app.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders"}]""";
            await app.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task PublishAsync(string id)
    {
        using var client = Sidecar.CreateClient();
        var body = $$$"""{"specversion":"1.0","id":"{{{id}}}","source":"procurement","type":"OrderPlaced","datacontenttype":"application/json","data":{"orderId":42}}""";
        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent(body, Encoding.UTF8, "application/cloudevents+json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private List<string> Received(FakeSubscriber app) => app.Deliveries.Select(d => d.Body["id"]!.ToString()).ToList();

    private async Task WaitForSubscriptionAsync()
    {
        using var client = Sidecar.CreateClient();
        await Equipment.ApiClient.Poll.UntilAsync(async () => (await Testing.HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/v1.0/metadata")))["subscriptions"]!.AsArray().Count,
            n => n >= 1, TimeSpan.FromSeconds(20), "the subscription");
    }

    private async Task AllSettledAsync()
    {
        using var client = Sidecar.CreateClient();
        await Equipment.ApiClient.Poll.UntilAsync(async () => (await Testing.HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/v1.0/metadata")))["extended"]!["pendingDeliveries"]!.GetValue<string>(),
            pending => pending == "0", TimeSpan.FromSeconds(20), "every delivery to be settled");
    }

    [Fact]
    public async Task Each_message_goes_to_one_instance_in_turn_and_to_the_other_when_one_is_down_or_failing()
    {
        await WaitForSubscriptionAsync();
        var ids = Enumerable.Range(0, 10).Select(i => $"m-{i}").ToList();
        foreach (var id in ids) await PublishAsync(id);
        await Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(Received(_first).Count + Received(_second).Count), n => n >= 10, TimeSpan.FromSeconds(20), "10 deliveries");
        await AllSettledAsync();                                         // nothing more is on its way to either instance
        Assert.Equal(ids.Order(), Received(_first).Concat(Received(_second)).Order());      // each once, to one instance
        Assert.NotEmpty(Received(_first));
        Assert.NotEmpty(Received(_second));

        _second.Answer = (_, _) => (500, "{}");                          // failing: passed over for the other one
        var firstBefore = Received(_first).Count;
        foreach (var id in new[] { "f-1", "f-2", "f-3" }) await PublishAsync(id);
        await Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(Received(_first).Count - firstBefore), n => n >= 3, TimeSpan.FromSeconds(20), "3 deliveries to the healthy instance");

        await _second.DisposeAsync();                                    // down: the other one takes everything
        foreach (var id in new[] { "d-1", "d-2", "d-3" }) await PublishAsync(id);
        await Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(Received(_first).Count(i => i.StartsWith("d-", StringComparison.Ordinal))), n => n >= 3,
            TimeSpan.FromSeconds(20), "3 deliveries while an instance is down");
        Assert.Equal(["d-1", "d-2", "d-3", "f-1", "f-2", "f-3"], Received(_first).Where(i => !i.StartsWith("m-", StringComparison.Ordinal)).Order());   // delivered concurrently: in any order
    }
}
