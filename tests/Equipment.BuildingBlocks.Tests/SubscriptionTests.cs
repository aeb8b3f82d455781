using System.Text;
using System.Text.Json;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.BuildingBlocks.Tests;

public class SubscriptionTests : IDisposable
{
    private static readonly Subscription NotesSubscription = new("notes.written", typeof(NoteWritten), typeof(RecordingHandler), "notes.dead");
    private readonly TestDatabase _database = new();
    private readonly RecordingHandler.Calls _calls = new();

    public void Dispose() => _database.Dispose();

    private async Task<DeliveryAnswer> DeliverAsync(string body)
    {
        var services = new ServiceCollection()
            .AddDbContext<TestDbContext>(o => o.UseSqlite(_database.ConnectionString))
            .AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TestDbContext>())
            .AddSingleton<TimeProvider>(TimeProvider.System)
            .AddSingleton(_calls)
            .AddScoped<IIntegrationEventHandler<NoteWritten>, RecordingHandler>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await SubscriptionEndpoints.HandleAsync<NoteWritten>(Encoding.UTF8.GetBytes(body), NotesSubscription, scope.ServiceProvider, NullLogger.Instance, CancellationToken.None);
    }

    private static string CloudEvent(string id, string text) =>
        JsonSerializer.Serialize(new { id, source = "tests", type = "NoteWritten", specversion = "1.0", datacontenttype = "application/json", data = new { text } });

    private async Task<List<string>> NotesAsync()
    {
        await using var db = _database.Open();
        return await db.Notes.Select(n => n.Text).ToListAsync();
    }

    [Fact]
    public async Task A_handled_event_is_saved_with_its_inbox_row_and_answers_success()
    {
        Assert.Equal(DeliveryAnswer.Success, await DeliverAsync(CloudEvent("e-1", "hello")));
        Assert.Equal(["hello"], await NotesAsync());
        await using var db = _database.Open();
        Assert.Equal("notes.written", (await db.InboxMessages.SingleAsync(m => m.MessageId == "e-1")).Topic);
    }

    [Fact]
    public async Task The_same_cloud_event_id_is_acknowledged_without_running_the_handler_again()
    {
        await DeliverAsync(CloudEvent("e-1", "hello"));
        Assert.Equal(DeliveryAnswer.Success, await DeliverAsync(CloudEvent("e-1", "hello")));
        Assert.Equal(1, _calls.Count);
        Assert.Equal(["hello"], await NotesAsync());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2]")]
    [InlineData("{\"source\":\"x\",\"data\":{\"text\":\"no id\"}}")]
    [InlineData("{\"id\":\"e-2\"}")]
    [InlineData("{\"id\":\"e-3\",\"data\":null}")]
    [InlineData("{\"id\":\"e-4\",\"data\":[1,2,3]}")]
    [InlineData("{\"id\":\"e-5\",\"data\":\"{not json\"}")]
    public async Task A_poison_message_is_dropped_without_touching_the_database(string body)
    {
        Assert.Equal(DeliveryAnswer.Drop, await DeliverAsync(body));
        Assert.Equal(0, _calls.Count);
        await using var db = _database.Open();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task An_event_that_arrives_too_early_is_retried_and_handled_once_it_can_be()
    {
        Assert.Equal(DeliveryAnswer.Retry, await DeliverAsync(CloudEvent("e-1", "early")));
        await using (var db = _database.Open())
            Assert.Equal(0, await db.InboxMessages.CountAsync());   // not recorded: the redelivery must run the handler

        Assert.Equal(DeliveryAnswer.Success, await DeliverAsync(CloudEvent("e-1", "early")));
        Assert.Equal(["early (second try)"], await NotesAsync());
    }

    [Fact]
    public async Task A_failing_handler_writes_nothing_at_all()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => DeliverAsync(CloudEvent("e-1", "explode")));
        Assert.Empty(await NotesAsync());
        await using var db = _database.Open();
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_handler_that_finds_the_event_impossible_gets_it_dropped()
    {
        Assert.Equal(DeliveryAnswer.Drop, await DeliverAsync(CloudEvent("e-1", "impossible")));
        Assert.Empty(await NotesAsync());
    }

    [Fact]
    public void The_subscribe_document_is_daprs_json()
    {
        var registry = new SubscriptionRegistry();
        registry.Add(NotesSubscription);
        registry.Add(new Subscription("grants.registered", typeof(NoteWritten), typeof(RecordingHandler), null));
        var json = JsonSerializer.Serialize(registry.ToDaprDocument("pubsub"));
        Assert.Equal(
            "[{\"pubsubname\":\"pubsub\",\"topic\":\"notes.written\",\"route\":\"/events/notes.written\",\"deadLetterTopic\":\"notes.dead\"}," +
            "{\"pubsubname\":\"pubsub\",\"topic\":\"grants.registered\",\"route\":\"/events/grants.registered\"}]",
            json);
        Assert.Throws<InvalidOperationException>(() => registry.Add(NotesSubscription));
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"data\":{\"text\":\"object\"}}", "object")]
    [InlineData("{\"id\":\"a\",\"data\":\"{\\\"text\\\":\\\"string\\\"}\"}", "string")]
    [InlineData("{\"id\":\"a\",\"data_base64\":\"eyJ0ZXh0IjoiYmFzZTY0In0=\"}", "base64")]
    public void A_cloud_event_payload_is_unwrapped_however_it_was_sent(string body, string text)
    {
        var parsed = CloudEventParser.Parse(Encoding.UTF8.GetBytes(body), out var reason);
        Assert.Null(reason);
        Assert.Equal("a", parsed!.Id);
        Assert.Equal(text, parsed.Data.GetProperty("text").GetString());
    }

    public sealed class RecordingHandler(TestDbContext db, RecordingHandler.Calls calls) : IIntegrationEventHandler<NoteWritten>
    {
        public sealed class Calls
        {
            public int Count;
        }

        public Task HandleAsync(NoteWritten @event, CancellationToken cancellationToken)
        {
            calls.Count++;
            switch (@event.Text)
            {
                case "early" when calls.Count == 1:
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
