using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Hosting;
using OpenTelemetry.Trace;
using Equipment.BuildingBlocks.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Equipment.BuildingBlocks.Tests;

/// <summary>
/// A subscriber built as every service builds one (Dapr.AspNetCore's CloudEvents middleware, subscribe handler and
/// App API token scheme, our inbox), driven over HTTP with deliveries shaped as daprd sends them.
/// </summary>
public class SubscriptionTests : IAsyncLifetime
{
    private const string AppToken = "app-token-from-the-sidecar";
    private readonly TestDatabase _database = new();
    private readonly RecordingHandler.Calls _calls = new();
    private readonly List<System.Diagnostics.Activity> _spans = [];
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddEquipmentTelemetry("notes");
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
        builder.Services
            .AddDbContext<TestDbContext>(o => o.UseSqlite(_database.ConnectionString))
            .AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TestDbContext>())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(_calls)
            .AddDaprMessaging(new DaprOptions { AppId = "notes", AppApiToken = AppToken })
            .AddSubscription<NoteWritten, RecordingHandler>();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.UseDaprDeliveries();
        _app.MapDaprSubscriptions();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _database.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? token = AppToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/events/notes.written")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents+json; charset=utf-8");
        request.Headers.Add("pubsubname", "pubsub");
        request.Headers.Add("traceparent", "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01");
        if (token is not null) request.Headers.Add("dapr-api-token", token);
        return await _client.SendAsync(request);
    }

    private async Task<string> DeliverAsync(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>();
    }

    /// <summary>A CloudEvent as daprd delivers it: our envelope plus the fields daprd adds, keys in alphabetical order.</summary>
    private static string CloudEvent(string id, string text, DateTimeOffset? occurredAt = null) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object>
        {
            ["data"] = new { eventId = Guid.NewGuid(), occurredAt = occurredAt ?? DateTimeOffset.UtcNow, text },
            ["datacontenttype"] = "application/json", ["id"] = id, ["pubsubname"] = "pubsub", ["source"] = "tests",
            ["specversion"] = "1.0", ["time"] = "2026-03-01T10:00:00Z", ["topic"] = "notes.written",
            ["traceid"] = "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01", ["traceparent"] = "00-113ad9c4e42b27583ae98ba698d54255-e3743e35ff56f219-01",
            ["tracestate"] = "", ["type"] = "NoteWritten",
        });

    private async Task<List<string>> NotesAsync()
    {
        await using var db = _database.Open();
        return await db.Notes.Select(n => n.Text).ToListAsync();
    }

    [Fact]
    public async Task A_handled_event_is_saved_with_its_inbox_row_and_answers_success()
    {
        Assert.Equal("SUCCESS", await DeliverAsync(CloudEvent("e-1", "hello")));
        Assert.Equal(["hello"], await NotesAsync());
        await using var db = _database.Open();
        Assert.Equal("notes.written", (await db.InboxMessages.SingleAsync(m => m.MessageId == "e-1")).Topic);
    }

    [Fact]
    public async Task The_same_cloud_event_id_is_acknowledged_without_running_the_handler_again()
    {
        await DeliverAsync(CloudEvent("e-1", "hello"));
        Assert.Equal("SUCCESS", await DeliverAsync(CloudEvent("e-1", "hello")));
        Assert.Equal(1, _calls.Count);
        Assert.Equal(["hello"], await NotesAsync());
    }

    [Theory]
    [InlineData("not json at all")]                                                               // not JSON
    [InlineData("[1,2]")]                                                                         // not an object
    [InlineData("{\"source\":\"x\",\"data\":{\"text\":\"no id\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}}")] // no CloudEvent id
    [InlineData("{\"id\":\"e-2\"}")]                                                              // no data
    [InlineData("{\"id\":\"e-3\",\"data\":null}")]                                                // data null
    [InlineData("{\"id\":\"e-4\",\"data\":[1,2,3]}")]                                             // wrong type
    [InlineData("{\"id\":\"e-5\",\"data\":{\"text\":42,\"occurredAt\":\"2026-01-01T00:00:00Z\"}}")]    // a field of the wrong type
    [InlineData("{\"id\":\"e-6\",\"data\":{\"occurredAt\":\"2026-01-01T00:00:00Z\"}}")]                 // a required field missing
    [InlineData("{\"id\":\"e-7\",\"data\":{\"text\":null,\"occurredAt\":\"2026-01-01T00:00:00Z\"}}")]  // null where none is allowed
    [InlineData("{\"id\":\"e-8\",\"data\":{\"text\":\"no time\"}}")]                              // the required occurredAt missing
    [InlineData("{\"id\":\"e-9\",\"data\":\"{not json\"}")]                                       // data a string that is not JSON
    [InlineData("{\"id\":\"e-10\",\"data\":{},\"data_base64\":\"e30=\"}")]                         // both data and data_base64
    [InlineData("{\"id\":\"e-11\",\"data_base64\":\"%%%\"}")]                                     // data_base64 not base64
    public async Task A_delivery_that_is_not_a_valid_event_of_its_topic_is_dropped_without_touching_the_database(string body)
    {
        Assert.Equal("DROP", await DeliverAsync(body));
        Assert.Equal(0, _calls.Count);
        await using var db = _database.Open();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task Data_sent_as_base64_is_unwrapped_by_the_middleware()
    {
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"text\":\"base64\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}"));
        Assert.Equal("SUCCESS", await DeliverAsync($"{{\"id\":\"b-1\",\"datacontenttype\":\"application/json\",\"data_base64\":\"{data}\"}}"));
        Assert.Equal(["base64"], await NotesAsync());
    }

    [Fact]
    public async Task An_event_that_arrives_too_early_is_retried_and_handled_once_it_can_be()
    {
        Assert.Equal("RETRY", await DeliverAsync(CloudEvent("e-1", "early")));
        await using (var db = _database.Open())
            Assert.Equal(0, await db.InboxMessages.CountAsync());   // not recorded: the redelivery must run the handler

        Assert.Equal("SUCCESS", await DeliverAsync(CloudEvent("e-1", "early")));
        Assert.Equal(["early (second try)"], await NotesAsync());
    }

    [Fact]
    public async Task A_failing_handler_of_ours_is_an_error_and_writes_nothing_at_all()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => PostAsync(CloudEvent("e-1", "explode")));
        Assert.Empty(await NotesAsync());
        await using var db = _database.Open();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_handler_that_finds_the_event_impossible_gets_it_dropped()
    {
        Assert.Equal("DROP", await DeliverAsync(CloudEvent("e-1", "impossible")));
        Assert.Empty(await NotesAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-guess")]
    public async Task Only_the_sidecar_with_the_app_token_can_deliver(string? token)
    {
        using var response = await PostAsync(CloudEvent("e-1", "forged"), token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await NotesAsync());
    }

    [Fact]
    public async Task The_subscribe_document_is_written_by_dapr_aspnetcore_with_the_dead_letter_topic()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/dapr/subscribe"))!.AsArray();
        var subscription = Assert.Single(document)!;
        Assert.Equal("pubsub", subscription["pubsubName"]!.GetValue<string>());
        Assert.Equal("notes.written", subscription["topic"]!.GetValue<string>());
        Assert.Equal("events/notes.written", subscription["route"]!.GetValue<string>());
        Assert.Equal("notes.dead-letter", subscription["deadLetterTopic"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delivery_continues_the_publishers_trace_and_its_outcome_and_hop_are_measured()
    {
        var outcomes = new List<string>();
        var hops = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == Telemetry.Name) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var topic = tags.ToArray().FirstOrDefault(t => t.Key == "topic").Value as string;
            if (instrument.Name == "equipment.messaging.deliveries" && topic == "notes.written")
                outcomes.Add((string)tags.ToArray().Single(t => t.Key == "outcome").Value!);
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => { if (instrument.Name == "equipment.messaging.hop.duration") hops++; });
        listener.Start();

        Assert.Equal("SUCCESS", await DeliverAsync(CloudEvent("t-1", "traced", DateTimeOffset.UtcNow.AddSeconds(-2))));
        Assert.Equal("DROP", await DeliverAsync("{\"id\":\"t-2\",\"data\":null}"));
        Assert.Equal("DROP", await DeliverAsync("not json"));

        Assert.Equal(["SUCCESS", "DROP", "DROP"], outcomes);
        Assert.Equal(1, hops);
        _app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        var server = _spans.Where(s => s.Kind == System.Diagnostics.ActivityKind.Server && (string?)s.GetTagItem("messaging.message.id") == "t-1").ToList();
        var span = Assert.Single(server);
        Assert.Equal("113ad9c4e42b27583ae98ba698d54255", span.TraceId.ToString());       // the traceparent daprd delivered with
        Assert.Equal("notes.written", span.GetTagItem("messaging.destination.name"));
    }

    /// <summary>A bulk delivery as daprd sends one to a bulk subscription: the envelope, each entry's CloudEvent whole.</summary>
    private static string Bulk(params (string EntryId, string CloudEvent)[] entries) =>
        new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["type"] = "com.dapr.event.sent.bulk", ["topic"] = "notes.written", ["pubsubname"] = "pubsub",
            ["metadata"] = new JsonObject(),
            ["entries"] = new JsonArray(entries.Select(e => (JsonNode)new JsonObject
            {
                ["entryId"] = e.EntryId, ["event"] = JsonNode.Parse(e.CloudEvent), ["metadata"] = new JsonObject(), ["contentType"] = "application/cloudevents+json",
            }).ToArray()),
        }.ToJsonString();

    private async Task<Dictionary<string, string>> DeliverBulkAsync(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statuses"]!.AsArray()
            .ToDictionary(s => s!["entryId"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_subscribe_document_asks_for_bulk_deliveries()
    {
        var subscription = Assert.Single(JsonNode.Parse(await _client.GetStringAsync("/dapr/subscribe"))!.AsArray())!;
        Assert.True(subscription["bulkSubscribe"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(100, subscription["bulkSubscribe"]!["maxMessagesCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bulk_is_handled_in_one_go_with_a_status_per_entry_and_what_can_wait_or_never_be_handled_leaves_the_others_saved()
    {
        await DeliverAsync(CloudEvent("seen", "handled before"));
        var statuses = await DeliverBulkAsync(Bulk(
            ("1", CloudEvent("b-1", "first")),
            ("2", CloudEvent("b-2", "early")),                 // must wait: RETRY, its writes undone
            ("3", CloudEvent("b-3", "impossible")),            // can never be handled: DROP
            ("4", "{\"id\":\"b-4\",\"data\":[1,2]}"),          // not a NoteWritten: DROP
            ("5", CloudEvent("seen", "handled before")),       // a duplicate of one already handled
            ("6", CloudEvent("b-1", "first")),                 // the same event twice in one bulk
            ("7", CloudEvent("b-7", "last"))));

        Assert.Equal(new Dictionary<string, string>
        {
            ["1"] = "SUCCESS", ["2"] = "RETRY", ["3"] = "DROP", ["4"] = "DROP", ["5"] = "SUCCESS", ["6"] = "SUCCESS", ["7"] = "SUCCESS",
        }, statuses);
        Assert.Equal(["handled before", "first", "last"], await NotesAsync());
        await using (var db = _database.Open())
            Assert.Equal(["b-1", "b-7", "seen"], (await db.InboxMessages.Select(m => m.MessageId).ToListAsync()).Order().ToList());

        // The one that had to wait is handled when it comes again.
        Assert.Equal("SUCCESS", (await DeliverBulkAsync(Bulk(("8", CloudEvent("b-2", "early")))))["8"]);
        Assert.Contains("early (second try)", await NotesAsync());
    }

    [Fact]
    public async Task A_failing_handler_of_ours_in_a_bulk_is_an_error_and_nothing_of_the_bulk_is_saved()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => PostAsync(Bulk(("1", CloudEvent("b-1", "first")), ("2", CloudEvent("b-2", "explode")))));
        Assert.Empty(await NotesAsync());
        await using var db = _database.Open();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_bulk_needs_the_app_token_too()
    {
        using var response = await PostAsync(Bulk(("1", CloudEvent("b-1", "forged"))), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await NotesAsync());
    }

    public sealed class RecordingHandler(TestDbContext db, RecordingHandler.Calls calls) : IIntegrationEventHandler<NoteWritten>
    {
        public sealed class Calls
        {
            public int Count;
            public int Early;
        }

        public Task HandleAsync(NoteWritten @event, CancellationToken cancellationToken)
        {
            calls.Count++;
            switch (@event.Text)
            {
                case "early" when ++calls.Early == 1:
                    throw new EventOutOfOrderException("what it follows has not arrived");
                case "early":
                    db.Notes.Add(new Note { Text = "early (second try)" });
                    return Task.CompletedTask;
                case "explode":
                    db.Notes.Add(new Note { Text = "half-written" });
                    db.SaveChanges();
                    throw new InvalidOperationException("handler bug");
                case "impossible":
                    throw new PoisonEventException("contradicts itself");
                default:
                    db.Notes.Add(new Note { Text = @event.Text });
                    return Task.CompletedTask;
            }
        }
    }
}
