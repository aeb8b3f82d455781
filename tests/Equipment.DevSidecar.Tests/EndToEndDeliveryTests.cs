using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Testing;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DaprClient = Dapr.Client.DaprClient;

namespace Equipment.DevSidecar.Tests;

/// <summary>
/// The whole hop on real loopback ports: the real <see cref="DaprClient"/> publishes over gRPC to the DevSidecar, which
/// stores the message and delivers it over HTTP to a subscriber built as every service builds one (BuildingBlocks'
/// <c>AddDaprMessaging</c> with an App API token, <c>AddSubscription</c>, Dapr.AspNetCore's middleware, an inbox in a real
/// SQLite file). Nothing runs on TestServer.
/// </summary>
public sealed class EndToEndDeliveryTests : IAsyncLifetime
{
    internal const string AppId = "notes";
    private const string DeadLetterTopic = "notes.dead-letter";
    internal const string AppApiToken = "app-token-the-sidecar-sends";

    private readonly string _sidecarDatabase = Path.Combine(Path.GetTempPath(), $"equipment-e2e-sidecar-{Guid.NewGuid():N}.db");
    private readonly NotesApp _app = new();
    private EndToEndSidecarFactory _sidecar = null!;
    private DaprClient _dapr = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _sidecar = new EndToEndSidecarFactory(_sidecarDatabase, _app.Url);
        _dapr = _sidecar.CreateDaprClient();
        await Eventually(() => _sidecar.Subscriptions(), s => s.Count >= 1, "the sidecar to learn the app's subscription");
    }

    public async Task DisposeAsync()
    {
        _dapr.Dispose();
        await _sidecar.DisposeAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_sidecarDatabase);
    }

    private static readonly byte[] NotJson = "this is { not JSON"u8.ToArray();

    private static Task<T> Eventually<T>(Func<T> probe, Func<T, bool> done, string what) =>
        Equipment.ApiClient.Poll.UntilAsync(() => Task.FromResult(probe()), done, TimeSpan.FromSeconds(20), what);

    /// <summary>An outbox row as a service writes one with <c>ServiceDbContext.Publish</c>, its payload given as JSON text.</summary>
    private static OutboxMessage Outbox(string payload, Guid? eventId = null) =>
        OutboxMessage.Create(NoteWritten.Topic, eventId ?? Guid.NewGuid(), nameof(NoteWritten), payload, DateTime.UtcNow, traceParent: null);

    private static OutboxMessage Outbox(NoteWritten @event) =>
        Outbox(JsonSerializer.Serialize(@event, EventJson.Options), @event.EventId);

    private static NoteWritten Note(string text, string? repliesTo = null) => new(text, repliesTo) { OccurredAt = DateTimeOffset.UtcNow };

    /// <summary>Publishes as the outbox dispatcher does: the real <see cref="DaprPublisher"/> over the real gRPC client.</summary>
    private async Task PublishAsync(OutboxMessage message)
    {
        var publisher = new DaprPublisher(_dapr, new DaprOptions { AppId = "procurement" });
        var result = await publisher.PublishAsync(message, CancellationToken.None);
        Assert.True(result.IsPublished, result.Error);
    }

    private async Task<List<DeliveryRow>> SettledAsync(int count, string what) =>
        await Eventually(() => _sidecar.Deliveries(), d => d.Count == count && d.All(x => x.Status != nameof(DeliveryStatus.Pending)), what);

    [Fact]
    public async Task A_bulk_publish_of_outbox_rows_is_stored_in_order_as_our_own_cloud_events_and_each_is_handled_once()
    {
        var traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var rows = Enumerable.Range(0, 30)
            .Select(i => OutboxMessage.Create(NoteWritten.Topic, Guid.NewGuid(), nameof(NoteWritten),
                JsonSerializer.Serialize(Note($"bulk {i}"), EventJson.Options), DateTime.UtcNow, i == 0 ? traceParent : null))
            .ToList();
        var publisher = new DaprPublisher(_dapr, new DaprOptions { AppId = "procurement" });

        var results = await publisher.PublishBatchAsync(rows, CancellationToken.None);

        Assert.Equal(30, results.Count(r => r.IsPublished));
        var stored = _sidecar.Messages(NoteWritten.Topic);
        Assert.Equal(rows.Select(r => r.EventId.ToString()), stored.Select(m => m["id"]!.GetValue<string>()));    // in order, our ids
        for (var i = 0; i < rows.Count; i++)
        {
            var ours = JsonNode.Parse(DaprPublisher.Envelope(rows[i], "procurement"))!.AsObject();
            foreach (var (name, value) in ours.Where(m => m.Key != "time"))        // every member the single publish sends, the same
                Assert.True(JsonNode.DeepEquals(value, stored[i][name]), $"{name}: {value?.ToJsonString()} vs {stored[i][name]?.ToJsonString()}");
            Assert.Equal(DateTimeOffset.Parse(ours["time"]!.GetValue<string>()), DateTimeOffset.Parse(stored[i]["time"]!.GetValue<string>()));   // "Z" or "+00:00"
            Assert.False(stored[i].ContainsKey("subject"));
        }
        Assert.Equal(traceParent, stored[0]["traceparent"]!.GetValue<string>());     // the request's trace goes on with its event

        await SettledAsync(30, "the 30 deliveries to be settled");
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"bulk {i}").Order(), _app.Notes().Order());
        Assert.Equal(30, _app.Inbox().Count);
        Assert.Equal(30, _app.HandlerCalls.Count);
    }

    [Fact]
    public async Task A_published_event_is_handled_once_with_one_inbox_row()
    {
        var @event = Note("hello");

        await PublishAsync(Outbox(@event));

        var delivery = Assert.Single(await SettledAsync(1, "the delivery to be settled"));
        Assert.Equal((AppId, NoteWritten.Topic, @event.EventId.ToString(), nameof(DeliveryStatus.Delivered), 1, (string?)null),
            (delivery.AppId, delivery.Topic, delivery.CloudEventId, delivery.Status, delivery.Attempts, delivery.LastError));
        Assert.Equal(["hello"], _app.Notes());
        var inbox = Assert.Single(_app.Inbox());
        Assert.Equal((@event.EventId.ToString(), NoteWritten.Topic), (inbox.MessageId, inbox.Topic));
        Assert.Equal(["hello"], _app.HandlerCalls);
        Assert.Empty(_sidecar.Messages(DeadLetterTopic));

        // The delivery went through only because the sidecar sent APP_API_TOKEN: the route refuses anyone else.
        using var http = new HttpClient();
        using var forged = await http.PostAsync($"{_app.Url}/events/{NoteWritten.Topic}",
            new ByteArrayContent(DaprPublisher.Envelope(Outbox(Note("forged")), "intruder")) { Headers = { { "Content-Type", "application/cloudevents+json" } } });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(["hello"], _app.Notes());
    }

    [Fact]
    public async Task The_same_cloud_event_published_again_is_acknowledged_without_a_second_effect()
    {
        var message = Outbox(Note("only once"));

        await PublishAsync(message);
        await SettledAsync(1, "the first delivery");
        await PublishAsync(message);                                   // the outbox may publish a row twice (crash before MarkPublished)

        var deliveries = await SettledAsync(2, "both deliveries");
        Assert.Equal(2, _sidecar.Messages(NoteWritten.Topic).Count);   // the sidecar stored and delivered both
        Assert.All(deliveries, d => Assert.Equal((message.EventId.ToString(), nameof(DeliveryStatus.Delivered), 1),
            (d.CloudEventId, d.Status, d.Attempts)));
        Assert.Equal(["only once"], _app.Notes());
        Assert.Single(_app.Inbox());
        Assert.Equal(["only once"], _app.HandlerCalls);                // the inbox answered the second one, not the handler
    }

    [Fact]
    public async Task Events_that_are_not_valid_are_dropped_and_land_in_the_apps_dead_letter_topic()
    {
        var at = DateTimeOffset.UtcNow.ToString("O");
        var poison = new Dictionary<string, OutboxMessage>
        {
            ["wrong type"] = Outbox("[1,2,3]"),
            ["field of the wrong type"] = Outbox($$"""{"text":42,"occurredAt":"{{at}}"}"""),
            ["required field missing"] = Outbox($$"""{"occurredAt":"{{at}}"}"""),
            ["data null"] = Outbox("null"),
            ["data a string that is not JSON"] = Outbox("\"{not JSON\""),
            ["impossible for the handler"] = Outbox(Note("impossible")),
        };
        foreach (var message in poison.Values) await PublishAsync(message);

        var deliveries = await SettledAsync(poison.Count, "every poison delivery to be settled");
        var ids = poison.ToDictionary(p => p.Value.EventId.ToString(), p => p.Key);
        Assert.All(deliveries, d => Assert.Equal((ids[d.CloudEventId!], nameof(DeliveryStatus.DeadLettered), 1, "app answered DROP"),
            (ids[d.CloudEventId!], d.Status, d.Attempts, d.LastError)));

        var dead = await Eventually(() => _sidecar.Messages(DeadLetterTopic), m => m.Count >= poison.Count, "the dead letters");
        Assert.Equal(ids.Keys.Order(), dead.Select(m => Text(m["id"])).Order());
        Assert.All(dead, m => Assert.Equal((DeadLetterTopic, "pubsub", "procurement"), (Text(m["topic"]), Text(m["pubsubname"]), Text(m["source"]))));
        Assert.Equal(JsonValueKind.Null, JsonSerializer.SerializeToElement(dead.Single(m => Text(m["id"]) == poison["data null"].EventId.ToString())["data"]).ValueKind);

        Assert.Empty(_app.Notes());
        Assert.Empty(_app.Inbox());
        Assert.Equal(["impossible"], _app.HandlerCalls);               // the others never got past strict deserialisation
    }

    [Fact]
    public async Task A_cloud_event_body_that_is_not_JSON_is_refused_at_publishing_and_never_delivered()
    {
        var refused = await Assert.ThrowsAsync<DaprException>(() =>
            _dapr.PublishByteEventAsync("pubsub", NoteWritten.Topic, NotJson, DaprPublisher.CloudEventsContentType));

        var status = Assert.IsType<RpcException>(refused.InnerException).Status;
        Assert.Equal((StatusCode.InvalidArgument, "cannot create cloudevent"), (status.StatusCode, status.Detail));
        await PublishAsync(Outbox(Note("after the refusal")));          // the sidecar goes on: a good event still gets through
        var delivery = Assert.Single(await SettledAsync(1, "the good event's delivery"));
        Assert.Equal(nameof(DeliveryStatus.Delivered), delivery.Status);
        Assert.Single(_sidecar.Messages(NoteWritten.Topic));
        Assert.Equal(["after the refusal"], _app.HandlerCalls);
    }

    /// <summary>
    /// With <c>rawPayload=true</c> the sidecar stores the bytes as sent and posts them to the app as
    /// <c>application/cloudevents+json</c>; the app's guard answers DROP. Then the DevSidecar's
    /// <c>DeliveryWorker.DeadLetterAsync</c> calls <c>JsonNode.Parse</c> on the stored body, which throws for a body that
    /// is not JSON; the exception escapes <c>ExecuteAsync</c> (it only catches database errors), and with .NET's default
    /// <c>BackgroundServiceExceptionBehavior.StopHost</c> the whole sidecar stops: nothing is delivered any more.
    /// </summary>
    [Fact]
    public async Task A_raw_payload_that_is_not_JSON_is_dropped_and_lands_in_the_dead_letter_topic()
    {
        await _dapr.PublishByteEventAsync("pubsub", NoteWritten.Topic, NotJson, "text/plain",
            new Dictionary<string, string> { ["rawPayload"] = "true" });

        var delivery = Assert.Single(await SettledAsync(1, "the raw delivery to be settled"));
        Assert.Equal((nameof(DeliveryStatus.DeadLettered), 1, "app answered DROP"), (delivery.Status, delivery.Attempts, delivery.LastError));
        var dead = Assert.Single(await Eventually(() => _sidecar.Messages(DeadLetterTopic), m => m.Count >= 1, "the dead letter"));
        Assert.Equal((DeadLetterTopic, Encoding.UTF8.GetString(NotJson)), (Text(dead["topic"]), Text(dead["data"])));
        Assert.Empty(_app.Notes());
        Assert.Empty(_app.Inbox());
        Assert.Empty(_app.HandlerCalls);

        await PublishAsync(Outbox(Note("after the poison")));           // and the sidecar is still delivering
        await Eventually(() => _app.Notes(), n => n.Count >= 1, "the next event to be handled");
        Assert.Equal(["after the poison"], _app.Notes());
    }

    [Fact]
    public async Task An_event_that_arrives_before_what_it_depends_on_is_retried_by_the_sidecar_and_handled_later()
    {
        var original = Note("the question");
        var reply = Note("the answer", repliesTo: "the question");

        await PublishAsync(Outbox(reply));
        var early = await Eventually(() => _sidecar.Deliveries(), d => d.Count == 1 && d[0].Attempts >= 2, "the early event to be retried");
        Assert.Equal((nameof(DeliveryStatus.Pending), "app answered RETRY"), (early[0].Status, early[0].LastError));
        Assert.Empty(_app.Notes());
        Assert.Empty(_app.Inbox());                                    // not recorded: the redelivery must run the handler again

        await PublishAsync(Outbox(original));

        var deliveries = await SettledAsync(2, "both events to be handled");
        var byId = deliveries.ToDictionary(d => d.CloudEventId!);
        Assert.Equal((nameof(DeliveryStatus.Delivered), 1), (byId[original.EventId.ToString()].Status, byId[original.EventId.ToString()].Attempts));
        var redelivered = byId[reply.EventId.ToString()];
        Assert.Equal(nameof(DeliveryStatus.Delivered), redelivered.Status);
        Assert.True(redelivered.Attempts >= 3, $"{redelivered.Attempts} attempts");
        Assert.Equal(["the question", "the answer"], _app.Notes());    // in the order they could be handled
        Assert.Equal(2, _app.Inbox().Count);
        Assert.Equal(redelivered.Attempts, _app.HandlerCalls.Count(c => c == "the answer"));
        Assert.Equal(1, _app.HandlerCalls.Count(c => c == "the question"));
        Assert.Empty(_sidecar.Messages(DeadLetterTopic));
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}

/// <summary>The event of the subscriber under test; <see cref="RepliesTo"/> names the note it depends on.</summary>
public sealed record NoteWritten(string Text, string? RepliesTo = null) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "notes.written";
}

public sealed class WrittenNote
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : ServiceDbContext(options)
{
    public DbSet<WrittenNote> Notes => Set<WrittenNote>();
}

/// <summary>Writes a note; a reply to a note not yet written is out of order, "impossible" is poison.</summary>
public sealed class WriteNoteHandler(NotesDbContext db, ConcurrentQueue<string> calls) : IIntegrationEventHandler<NoteWritten>
{
    public async Task HandleAsync(NoteWritten @event, CancellationToken cancellationToken)
    {
        calls.Enqueue(@event.Text);
        if (@event.Text == "impossible") throw new PoisonEventException("contradicts itself");
        if (@event.RepliesTo is { } original && !await db.Notes.AnyAsync(n => n.Text == original, cancellationToken))
            throw new EventOutOfOrderException($"'{original}' has not arrived");
        db.Notes.Add(new WrittenNote { Text = @event.Text });
    }
}

/// <summary>A subscriber app on a real port, built as the services build theirs, with its own SQLite file.</summary>
public sealed class NotesApp : IAsyncDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"equipment-e2e-notes-{Guid.NewGuid():N}.db");
    private WebApplication? _app;

    public string Url { get; } = $"http://127.0.0.1:{FreePorts.Next()}";
    public ConcurrentQueue<string> HandlerCalls { get; } = new();

    private string ConnectionString => $"Data Source={_database}";

    public async Task StartAsync()
    {
        await using (var db = Open()) await db.Database.EnsureCreatedAsync();

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        builder.Services
            .AddDbContext<NotesDbContext>(o => o.UseSqlite(ConnectionString))
            .AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<NotesDbContext>())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(HandlerCalls)
            .AddDaprMessaging(new DaprOptions { AppId = EndToEndDeliveryTests.AppId, AppApiToken = EndToEndDeliveryTests.AppApiToken })
            .AddSubscription<NoteWritten, WriteNoteHandler>();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseDaprDeliveries();
        _app.MapDaprSubscriptions();
        await _app.StartAsync();
    }

    private NotesDbContext Open() => new(new DbContextOptionsBuilder<NotesDbContext>().UseSqlite(ConnectionString).Options);

    public List<string> Notes()
    {
        using var db = Open();
        return db.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToList();
    }

    public List<InboxMessage> Inbox()
    {
        using var db = Open();
        return db.InboxMessages.AsNoTracking().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}

public sealed record DeliveryRow(string AppId, string Topic, string? CloudEventId, string Status, int Attempts, string? LastError);

/// <summary>The sidecar on real ports, knowing one app, <c>notes</c>, and sending it <c>APP_API_TOKEN</c> on every delivery.</summary>
public sealed class EndToEndSidecarFactory : SidecarFactory
{
    private readonly string _appUrl;

    public EndToEndSidecarFactory(string databasePath, string appUrl) : base(databasePath)
    {
        _appUrl = appUrl;
        UseKestrel();
    }

    public int HttpPort { get; } = FreePorts.Next();
    public int GrpcPort { get; } = FreePorts.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", $"http://127.0.0.1:{HttpPort}");
        builder.UseSetting("DAPR_GRPC_PORT", GrpcPort.ToString());
        builder.UseSetting("APP_API_TOKEN", EndToEndDeliveryTests.AppApiToken);
        builder.UseSetting("Sidecar:Apps:0:AppId", EndToEndDeliveryTests.AppId);
        builder.UseSetting("Sidecar:Apps:0:Url", _appUrl);
    }

    public DaprClient CreateDaprClient()
    {
        StartServer();
        return new Dapr.Client.DaprClientBuilder().UseGrpcEndpoint($"http://127.0.0.1:{GrpcPort}")
            .UseJsonSerializationOptions(DaprMessaging.ClientJson).Build();              // as AddDaprMessaging builds it
    }

    private T Read<T>(Func<SidecarDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<SidecarDbContext>());
    }

    public List<KnownSubscription> Subscriptions() => Read(db => db.Subscriptions.AsNoTracking().ToList());

    /// <summary>The stored messages of a topic, parsed (a body that is not JSON fails the test).</summary>
    public List<JsonObject> Messages(string topic) =>
        Read(db => db.Messages.AsNoTracking().Where(m => m.Topic == topic).OrderBy(m => m.Id).Select(m => m.Body).ToList())
            .Select(body => JsonNode.Parse(body)!.AsObject()).ToList();

    public List<DeliveryRow> Deliveries() => Read(db =>
        (from d in db.Deliveries.AsNoTracking()
         join m in db.Messages.AsNoTracking() on d.MessageId equals m.Id
         orderby d.Id
         select new { d.AppId, d.Topic, m.Body, d.Status, d.Attempts, d.LastError })
        .ToList()
        .Select(d => new DeliveryRow(d.AppId, d.Topic, CloudEventId(d.Body), d.Status.ToString(), d.Attempts, d.LastError))
        .ToList());

    private static string? CloudEventId(string body)
    {
        try { return JsonNode.Parse(body) is JsonObject json ? json["id"]?.GetValue<string>() : null; }
        catch (JsonException) { return null; }
    }
}
