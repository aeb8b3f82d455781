using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapr;
using Dapr.Client;
using Dapr.Client.Autogen.Grpc.v1;
using Equipment.Testing;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DaprClient = Dapr.Client.DaprClient;
using DaprGrpc = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace Equipment.DevSidecar.Tests;

/// <summary>The sidecar on real loopback ports (Kestrel, not the in-memory TestServer): HTTP at --urls, daprd's gRPC API at DAPR_GRPC_PORT.</summary>
public sealed class KestrelSidecarFactory : SidecarFactory
{
    private readonly string? _apiToken;

    public KestrelSidecarFactory(string databasePath, string? apiToken, params FakeSubscriber[] apps) : base(databasePath, apps)
    {
        _apiToken = apiToken;
        UseKestrel();
    }

    public int HttpPort { get; } = FreePorts.Next();
    public int GrpcPort { get; } = FreePorts.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", $"http://127.0.0.1:{HttpPort}");
        builder.UseSetting("DAPR_GRPC_PORT", GrpcPort.ToString());
        if (_apiToken is not null) builder.UseSetting("DAPR_API_TOKEN", _apiToken);
    }

    /// <summary>The services' client: the real Dapr SDK, which publishes only over gRPC.</summary>
    public DaprClient CreateDaprClient(string? apiToken = null)
    {
        StartServer();
        var builder = new DaprClientBuilder().UseGrpcEndpoint($"http://127.0.0.1:{GrpcPort}");
        if (apiToken is not null) builder.UseDaprApiToken(apiToken);
        return builder.Build();
    }

    /// <summary>The generated gRPC client of Dapr.Protos, for what the SDK does not send (an empty topic, duplicate entry ids, the Alpha1 name).</summary>
    public (DaprGrpc.DaprClient Client, GrpcChannel Channel) CreateRawClient()
    {
        StartServer();
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
        return (new DaprGrpc.DaprClient(channel), channel);
    }

    public List<StoredMessage> Stored()
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SidecarDbContext>().Messages.AsNoTracking().OrderBy(m => m.Id).ToList();
    }
}

public class GrpcPublishingTests : IAsyncLifetime
{
    private const string Token = "s3cret-sidecar-token";
    private const string CloudEvent =
        """{"specversion":"1.0","id":"ce-7","source":"procurement","type":"ContractSigned","datacontenttype":"application/json","topic":"elsewhere","data":{"contractId":7}}""";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"equipment-sidecar-grpc-{Guid.NewGuid():N}.db");
    private readonly FakeSubscriber _app = new();
    private KestrelSidecarFactory? _sidecar;

    private KestrelSidecarFactory Sidecar => _sidecar ??= new KestrelSidecarFactory(_database, apiToken: null, _app);

    public async Task InitializeAsync()
    {
        _app.Subscriptions = """[{"pubsubname":"pubsub","topic":"orders","route":"/events/orders"}]""";
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task WaitForSubscriptionAsync()
    {
        var (client, channel) = Sidecar.CreateRawClient();
        using (channel)
            await Equipment.ApiClient.Poll.UntilAsync(async () => (await client.GetMetadataAsync(new GetMetadataRequest())).Subscriptions.Count,
                n => n >= 1, TimeSpan.FromSeconds(20), "the subscription of the app");
    }

    private static Task<T> Eventually<T>(Func<T> probe, Func<T, bool> done, string what) =>
        Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(probe()), done, TimeSpan.FromSeconds(20), what);

    /// <summary>
    /// Asserts the gRPC status and the google.rpc.ErrorInfo of a refusal, unpacked from <c>grpc-status-details-bin</c>
    /// as a service must do it: Dapr.Client 1.19's <c>TryGetExtendedErrorInfo</c> only knows the type URL
    /// "type.googleapis.com/Google.rpc.ErrorInfo" (capital G), so it reports the ErrorInfo daprd sends
    /// ("…/google.rpc.ErrorInfo") as an unknown detail.
    /// </summary>
    private static ErrorInfo AssertRefused(Exception exception, StatusCode code, string reason)
    {
        var rpc = Assert.IsType<RpcException>(exception is DaprException dapr ? dapr.InnerException : exception);
        Assert.Equal(code, rpc.StatusCode);
        var details = rpc.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.NotNull(details);
        var status = Google.Rpc.Status.Parser.ParseFrom(details);
        Assert.Equal(((int)code, rpc.Status.Detail), (status.Code, status.Message));
        var info = Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal((reason, "dapr.io"), (info.Reason, info.Domain));
        return info;
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task A_cloud_event_sent_as_bytes_is_stored_with_its_own_id_and_delivered_to_the_subscriber()
    {
        await WaitForSubscriptionAsync();
        using var dapr = Sidecar.CreateDaprClient();

        await dapr.PublishByteEventAsync("pubsub", "orders", Encoding.UTF8.GetBytes(CloudEvent), "application/cloudevents+json");

        var stored = JsonNode.Parse(Assert.Single(Sidecar.Stored()).Body)!;
        Assert.Equal("ce-7", Text(stored["id"]));
        Assert.Equal("procurement", Text(stored["source"]));
        Assert.Equal("ContractSigned", Text(stored["type"]));
        Assert.Equal("orders", Text(stored["topic"]));                  // overwritten, as daprd does
        Assert.Equal("pubsub", Text(stored["pubsubname"]));

        var delivered = Assert.Single(await Eventually(() => _app.Deliveries.ToList(), d => d.Count >= 1, "the delivery"));
        Assert.Equal("/events/orders", delivered.Path);
        Assert.Equal("ce-7", Text(delivered.Body["id"]));
        Assert.Equal(7, delivered.Body["data"]!["contractId"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_object_sent_with_PublishEventAsync_gets_a_new_envelope()
    {
        using var dapr = Sidecar.CreateDaprClient();

        await dapr.PublishEventAsync("pubsub", "orders", new { orderId = 42 });
        await dapr.PublishEventAsync("pubsub", "orders", new { orderId = 42 });

        var stored = Sidecar.Stored().Select(m => JsonNode.Parse(m.Body)!).ToList();
        Assert.Equal(2, stored.Count);
        var first = stored[0];
        Assert.True(Guid.TryParse(Text(first["id"]), out _));
        Assert.NotEqual(Text(first["id"]), Text(stored[1]["id"]));
        Assert.Equal("dev-sidecar", Text(first["source"]));
        Assert.Equal("com.dapr.event.sent", Text(first["type"]));
        Assert.Equal("1.0", Text(first["specversion"]));
        Assert.Equal("application/json", Text(first["datacontenttype"]));
        Assert.Equal("orders", Text(first["topic"]));
        Assert.Equal(42, first["data"]!["orderId"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_request_metadata_plays_the_metadata_query_keys_of_the_HTTP_route()
    {
        using var dapr = Sidecar.CreateDaprClient();

        await dapr.PublishEventAsync("pubsub", "orders", new { orderId = 1 }, new Dictionary<string, string> { ["rawPayload"] = "true" });
        await dapr.PublishEventAsync("pubsub", "orders", new { orderId = 2 },
            new Dictionary<string, string> { ["cloudevent.id"] = "chosen-id", ["cloudevent.type"] = "OrderPlaced" });
        var badMetadata = await Assert.ThrowsAsync<DaprException>(() =>
            dapr.PublishEventAsync("pubsub", "orders", new { orderId = 3 }, new Dictionary<string, string> { ["rawPayload"] = "maybe" }));

        var stored = Sidecar.Stored();
        Assert.Equal(2, stored.Count);
        Assert.Equal("""{"orderId":1}""", stored[0].Body);                     // as sent, no envelope
        var overridden = JsonNode.Parse(stored[1].Body)!;
        Assert.Equal("chosen-id", Text(overridden["id"]));
        Assert.Equal("OrderPlaced", Text(overridden["type"]));
        AssertRefused(badMetadata, StatusCode.InvalidArgument, "DAPR_PUBSUB_METADATA_DESERIALIZATION");
    }

    [Fact]
    public async Task Refusals_carry_daprds_status_codes_and_error_reasons()
    {
        using var dapr = Sidecar.CreateDaprClient();
        var (client, channel) = Sidecar.CreateRawClient();
        using var _ = channel;

        var unknown = await Assert.ThrowsAsync<DaprException>(() => dapr.PublishEventAsync("kafka", "orders", new { orderId = 42 }));
        AssertRefused(unknown, StatusCode.InvalidArgument, "DAPR_PUBSUB_NOT_FOUND");
        Assert.Equal("pubsub kafka is not found", ((RpcException)unknown.InnerException!).Status.Detail);

        var noTopic = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishEventAsync(new PublishEventRequest { PubsubName = "pubsub", Topic = "" }).ResponseAsync);
        AssertRefused(noTopic, StatusCode.InvalidArgument, "DAPR_PUBSUB_TOPIC_NAME_EMPTY");

        var notAnObject = await Assert.ThrowsAsync<DaprException>(() =>
            dapr.PublishByteEventAsync("pubsub", "orders", "[1,2]"u8.ToArray(), "application/cloudevents+json"));
        AssertRefused(notAnObject, StatusCode.InvalidArgument, "DAPR_PUBSUB_CLOUD_EVENT_CREATION");

        Assert.Empty(Sidecar.Stored());
    }

    [Fact]
    public async Task With_DAPR_API_TOKEN_set_a_call_without_the_right_token_is_Unauthenticated()
    {
        _sidecar = new KestrelSidecarFactory(_database, Token, _app);
        using var anonymous = Sidecar.CreateDaprClient();
        using var wrong = Sidecar.CreateDaprClient(apiToken: "not-the-token");
        using var right = Sidecar.CreateDaprClient(apiToken: Token);

        var missing = await Assert.ThrowsAsync<DaprException>(() => anonymous.PublishEventAsync("pubsub", "orders", new { orderId = 1 }));
        var mismatch = await Assert.ThrowsAsync<DaprException>(() => wrong.PublishEventAsync("pubsub", "orders", new { orderId = 2 }));
        var metadata = await Assert.ThrowsAsync<DaprException>(() => anonymous.GetMetadataAsync());
        await right.PublishEventAsync("pubsub", "orders", new { orderId = 3 });

        Assert.Equal("missing api token in request metadata",
            AssertRefused(missing, StatusCode.Unauthenticated, "Unauthorized").Metadata["http.error_message"]);
        Assert.Equal("authentication error: api token mismatch",
            AssertRefused(mismatch, StatusCode.Unauthenticated, "Unauthorized").Metadata["http.error_message"]);
        AssertRefused(metadata, StatusCode.Unauthenticated, "Unauthorized");
        Assert.Equal(3, JsonNode.Parse(Assert.Single(Sidecar.Stored()).Body)!["data"]!["orderId"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bulk_publishing_stores_and_delivers_every_entry_and_refuses_repeated_entry_ids()
    {
        await WaitForSubscriptionAsync();
        using var dapr = Sidecar.CreateDaprClient();
        var (client, channel) = Sidecar.CreateRawClient();
        using var _ = channel;

        var sdk = await dapr.BulkPublishEventAsync("pubsub", "orders", [new { orderId = 1 }, new { orderId = 2 }, new { orderId = 3 }]);
#pragma warning disable CS0612 // obsolete in the protos, still the name daprd serves for older SDKs
        var alpha = await client.BulkPublishEventAlpha1Async(new BulkPublishRequest
        {
            PubsubName = "pubsub", Topic = "orders",
            Entries = { new BulkPublishRequestEntry { EntryId = "a", Event = ByteString.CopyFromUtf8(CloudEvent), ContentType = "application/cloudevents+json" } },
        });
#pragma warning restore CS0612
        var repeated = await Assert.ThrowsAsync<RpcException>(() => client.BulkPublishEventAsync(new BulkPublishRequest
        {
            PubsubName = "pubsub", Topic = "orders",
            Entries =
            {
                new BulkPublishRequestEntry { EntryId = "x", Event = ByteString.CopyFromUtf8("{}"), ContentType = "application/json" },
                new BulkPublishRequestEntry { EntryId = "x", Event = ByteString.CopyFromUtf8("{}"), ContentType = "application/json" },
            },
        }).ResponseAsync);

        Assert.Empty(sdk.FailedEntries);
        Assert.Empty(alpha.FailedEntries);
        AssertRefused(repeated, StatusCode.InvalidArgument, "DAPR_PUBSUB_MARSHAL_EVENTS");
        var stored = Sidecar.Stored().Select(m => JsonNode.Parse(m.Body)!).ToList();
        Assert.Equal(4, stored.Count);                                          // none of the refused request
        Assert.Equal("ce-7", Text(stored[3]["id"]));
        var delivered = await Eventually(() => _app.Deliveries.ToList(), d => d.Count >= 4, "four deliveries");
        Assert.Equal([1, 2, 3], delivered.Where(d => d.Body["data"]!["orderId"] is not null)
            .Select(d => d.Body["data"]!["orderId"]!.GetValue<int>()).Order());
        Assert.Equal(4, delivered.Select(d => Text(d.Body["id"])).Distinct().Count());
    }

    [Fact]
    public async Task GetMetadata_over_gRPC_tells_what_the_HTTP_port_tells()
    {
        await WaitForSubscriptionAsync();
        using var dapr = Sidecar.CreateDaprClient();
        var (client, channel) = Sidecar.CreateRawClient();
        using var _ = channel;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Sidecar.HttpPort}/") };   // plain HTTP/1.1, beside gRPC

        var metadata = await dapr.GetMetadataAsync();
        var raw = await client.GetMetadataAsync(new GetMetadataRequest());
        using var response = await http.GetAsync("v1.0/metadata");
        var json = await HttpAssert.StatusAsync(HttpStatusCode.OK, response);

        Assert.Equal("dev-sidecar", metadata.Id);
        Assert.Equal(Text(json["id"]), metadata.Id);
        var component = Assert.Single(metadata.Components);
        Assert.Equal(("pubsub", "pubsub.sqlite-dev"), (component.Name, component.Type));
        Assert.Equal(Text(json["components"]![0]!["type"]), component.Type);
        Assert.Equal(Text(json["extended"]!["pendingDeliveries"]), metadata.Extended["pendingDeliveries"]);
        var subscription = Assert.Single(raw.Subscriptions);
        Assert.Equal(("orders", "/events/orders"), (subscription.Topic, subscription.Rules.Rules[0].Path));
        Assert.Equal(Text(json["subscriptions"]![0]!["topic"]), subscription.Topic);
        Assert.Equal(Text(json["subscriptions"]![0]!["rules"]![0]!["path"]), subscription.Rules.Rules[0].Path);
    }
}
