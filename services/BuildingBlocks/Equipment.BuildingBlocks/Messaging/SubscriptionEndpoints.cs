using System.Text.Json;
using System.Diagnostics;
using Dapr;
using Dapr.AspNetCore;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>
/// Subscriptions on Dapr.AspNetCore: <c>UseCloudEvents()</c> unwraps each delivery, <c>MapSubscribeHandler()</c> answers
/// daprd's <c>GET /dapr/subscribe</c> from the routes' <c>WithTopic</c>, and each route deduplicates by CloudEvent id
/// in the handler's own transaction (the inbox) and answers SUCCESS, RETRY or DROP.
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>The CloudEvent attributes Dapr's middleware forwards to the route as <c>Cloudevent.*</c> headers.</summary>
    private static readonly string[] ForwardedAttributes = ["id", "type", "source"];
    private const string CloudEventIdHeader = "Cloudevent.id";

    /// <summary>The Dapr.AspNetCore authentication scheme and policy that check <c>APP_API_TOKEN</c> on every delivery.</summary>
    public const string SidecarPolicy = "Dapr";

    /// <summary>Declares that <typeparamref name="THandler"/> handles <typeparamref name="TEvent"/> on the event's own topic.</summary>
    public static IServiceCollection AddSubscription<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IntegrationEvent, ITopicEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        var registry = (SubscriptionRegistry?)services.FirstOrDefault(d => d.ServiceType == typeof(SubscriptionRegistry))?.ImplementationInstance;
        if (registry is null)
        {
            registry = new SubscriptionRegistry();
            services.AddSingleton(registry);
        }
        registry.Add(new Subscription(TEvent.Topic, typeof(TEvent), HandleAsync<TEvent>, HandleBulkAsync<TEvent>));
        return services;
    }

    /// <summary>
    /// Dapr's CloudEvents middleware for the subscription routes, behind a guard that answers DROP for a delivery
    /// the middleware cannot read (not JSON, not an object, both <c>data</c> and <c>data_base64</c>): daprd retries
    /// an error without end, so a message that can never be read must not become one.
    /// </summary>
    public static IApplicationBuilder UseDaprDeliveries(this IApplicationBuilder app)
    {
        app.UseWhen(IsDelivery, branch => branch.UseMiddleware<UnreadableDeliveryGuard>());
        // A bulk delivery's envelope (daprd sends it as application/cloudevents+json too) holds the CloudEvents whole.
        return app.UseWhen(context => !context.Items.ContainsKey(UnreadableDeliveryGuard.BulkDelivery), branch => branch.UseCloudEvents(new CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ForwardedAttributes,
        }));
    }

    /// <summary>Maps <c>GET /dapr/subscribe</c> and one POST route per subscription, with its dead-letter topic.</summary>
    public static IEndpointRouteBuilder MapDaprSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetService<SubscriptionRegistry>() ?? new SubscriptionRegistry();
        var options = endpoints.ServiceProvider.GetRequiredService<DaprOptions>();

        endpoints.MapSubscribeHandler();
        foreach (var subscription in registry.All)
        {
            var route = endpoints.MapPost(subscription.Route, async (HttpContext context) =>
                {
                    if (context.Items.ContainsKey(UnreadableDeliveryGuard.BulkDelivery))
                        return await DeliverBulkAsync(subscription, context);
                    using var buffer = new MemoryStream();
                    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                    var delivered = new DeliveredEvent(context.Request.Headers[CloudEventIdHeader].FirstOrDefault(), buffer.ToArray());
                    Activity.Current?.SetTag("messaging.system", "dapr").SetTag("messaging.destination.name", subscription.Topic)
                        .SetTag("messaging.message.id", delivered.CloudEventId);
                    var answer = await subscription.Deliver(delivered, context.RequestServices, context.RequestAborted);
                    Telemetry.RecordDelivery(subscription.Topic, answer);
                    return Results.Json(answer, JsonSerializerOptions.Web);
                })
                .WithTopic(new TopicOptions { PubsubName = options.PubSubName, Name = subscription.Topic, DeadLetterTopic = options.DeadLetterTopic })
                .ExcludeFromDescription();
            // Bulk subscribe (daprd's bulkSubscribe): several events per delivery, handled in one transaction.
            if (options.BulkMaxMessages > 1)
                route.WithMetadata(new BulkSubscribeAttribute(subscription.Topic, options.BulkMaxMessages, options.BulkMaxAwaitMilliseconds));
            if (options.AppApiToken is not null)
                route.RequireAuthorization(SidecarPolicy);
            else
                route.AllowAnonymous();
        }
        return endpoints;
    }

    /// <summary>
    /// Deduplicates and handles one delivery. The handler's writes and the inbox row are saved in one transaction.
    /// A payload that is not a valid <typeparamref name="TEvent"/> (not JSON, wrong types, a required field missing,
    /// null) → DROP; out of order or a busy database → RETRY; anything else propagates (500, which daprd retries)
    /// so that a failure of ours is seen, not hidden.
    /// </summary>
    internal static async Task<DeliveryAnswer> HandleAsync<TEvent>(DeliveredEvent delivered, IServiceProvider services, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent, ITopicEvent
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Equipment.Subscriptions");
        var topic = TEvent.Topic;
        if (Read<TEvent>(delivered, logger) is not ({ } id, { } @event)) return DeliveryAnswer.Drop;

        var db = services.GetRequiredService<ServiceDbContext>();
        if (await db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == id, cancellationToken))
        {
            logger.LogInformation("Message {MessageId} on {Topic} was already handled; acknowledging", id, topic);
            return DeliveryAnswer.Success;
        }

        var handler = services.GetRequiredService<IIntegrationEventHandler<TEvent>>();
        var clock = services.GetRequiredService<TimeProvider>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await handler.HandleAsync(@event, cancellationToken);
            db.InboxMessages.Add(new InboxMessage(id, topic, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is EventOutOfOrderException or PoisonEventException || IsTransient(e))
        {
            return Refused(e, id, topic, logger);
        }

        Telemetry.HopLatency.Record(Math.Max((clock.GetUtcNow() - @event.OccurredAt).TotalMilliseconds, 0), new KeyValuePair<string, object?>("topic", topic));
        logger.LogDebug("Handled {EventType} {MessageId} on {Topic}", typeof(TEvent).Name, id, topic);
        return DeliveryAnswer.Success;
    }

    /// <summary>
    /// A bulk delivery: daprd's envelope (<c>entries</c>, each with its <c>entryId</c> and the CloudEvent whole as
    /// <c>event</c>), answered with a status per entry (<c>{"statuses":[{"entryId","status"}]}</c>; an entry left out counts
    /// as RETRY). An entry that cannot be read is DROP, as a single delivery would be.
    /// </summary>
    private static async Task<IResult> DeliverBulkAsync(Subscription subscription, HttpContext context)
    {
        var message = await JsonSerializer.DeserializeAsync<BulkSubscribeMessage<JsonElement>>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        var entries = message?.Entries?.Where(e => !string.IsNullOrEmpty(e.EntryId)).ToList() ?? [];
        Activity.Current?.SetTag("messaging.system", "dapr").SetTag("messaging.destination.name", subscription.Topic)
            .SetTag("messaging.batch.message_count", entries.Count);
        var answers = await subscription.DeliverBulk(entries.Select(e => Unwrap(e.Event)).ToList(), context.RequestServices, context.RequestAborted);
        foreach (var answer in answers) Telemetry.RecordDelivery(subscription.Topic, answer);
        var statuses = entries.Select((e, i) => new BulkSubscribeAppResponseEntry(e.EntryId, Enum.Parse<BulkSubscribeAppResponseStatus>(answers[i].Status))).ToList();
        return Results.Json(new BulkSubscribeAppResponse(statuses), BulkJson);
    }

    private static readonly JsonSerializerOptions BulkJson = new(JsonSerializerOptions.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>One entry's CloudEvent as a single delivery reaches its route: the id, and <c>data</c> (or <c>data_base64</c> decoded); null data when it cannot be read.</summary>
    private static DeliveredEvent Unwrap(JsonElement cloudEvent)
    {
        if (cloudEvent.ValueKind != JsonValueKind.Object) return new DeliveredEvent(null, []);
        var id = cloudEvent.TryGetProperty("id", out var idProperty) && idProperty.ValueKind == JsonValueKind.String ? idProperty.GetString() : null;
        var hasData = cloudEvent.TryGetProperty("data", out var data);
        var hasBinary = cloudEvent.TryGetProperty("data_base64", out var binary);
        if (hasData == hasBinary) return new DeliveredEvent(null, []);   // neither or both: unreadable
        if (hasBinary) return binary.ValueKind == JsonValueKind.String && binary.TryGetBytesFromBase64(out var bytes) ? new DeliveredEvent(id, bytes) : new DeliveredEvent(null, []);
        return new DeliveredEvent(id, System.Text.Encoding.UTF8.GetBytes(data.GetRawText()));
    }

    /// <summary>
    /// Handles the events of one bulk delivery in one transaction: each event in a savepoint of its own, so that an
    /// event that must wait (RETRY) or can never be handled (DROP) leaves the others' writes in place, and one commit for
    /// all. Duplicates (already in the inbox, or twice in the bulk) are acknowledged. When the commit fails, every event
    /// of the bulk that is not DROP is RETRY: nothing of it was saved.
    /// </summary>
    internal static async Task<IReadOnlyList<DeliveryAnswer>> HandleBulkAsync<TEvent>(IReadOnlyList<DeliveredEvent> batch, IServiceProvider services, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent, ITopicEvent
    {
        // A bulk of one (what a quiet topic gets) is handled as a single delivery is: no savepoint to make and release.
        if (batch.Count == 1) return [await HandleAsync<TEvent>(batch[0], services, cancellationToken)];
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Equipment.Subscriptions");
        var topic = TEvent.Topic;
        var answers = new DeliveryAnswer?[batch.Count];
        var readable = new List<(int Index, string Id, TEvent Event)>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (Read<TEvent>(batch[i], logger) is ({ } id, { } @event)) readable.Add((i, id, @event));
            else answers[i] = DeliveryAnswer.Drop;
        }
        if (readable.Count == 0) return answers.Select(a => a ?? DeliveryAnswer.Retry).ToList();

        var db = services.GetRequiredService<ServiceDbContext>();
        var handler = services.GetRequiredService<IIntegrationEventHandler<TEvent>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var ids = readable.Select(r => r.Id).Distinct().ToList();
        var done = (await db.InboxMessages.AsNoTracking().Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(cancellationToken)).ToHashSet();
        var handled = new List<TEvent>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (index, id, @event) in readable)
            {
                if (!done.Add(id))
                {
                    logger.LogInformation("Message {MessageId} on {Topic} was already handled; acknowledging", id, topic);
                    answers[index] = DeliveryAnswer.Success;
                    continue;
                }
                await transaction.CreateSavepointAsync("delivery", cancellationToken);
                try
                {
                    await handler.HandleAsync(@event, cancellationToken);
                    db.InboxMessages.Add(new InboxMessage(id, topic, clock.GetUtcNow().UtcDateTime));
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.ReleaseSavepointAsync("delivery", cancellationToken);
                    answers[index] = DeliveryAnswer.Success;
                    handled.Add(@event);
                }
                catch (Exception e) when (e is EventOutOfOrderException or PoisonEventException || IsTransient(e))
                {
                    await transaction.RollbackToSavepointAsync("delivery", cancellationToken);
                    db.ChangeTracker.Clear();   // what this event's handler tracked is undone; the others' is saved
                    done.Remove(id);
                    answers[index] = Refused(e, id, topic, logger);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (IsTransient(e))
        {
            logger.LogWarning(e, "A bulk of {Count} messages on {Topic} hit a transient database failure; asking for redelivery of all", batch.Count, topic);
            db.ChangeTracker.Clear();
            return answers.Select(a => a == DeliveryAnswer.Drop ? a : DeliveryAnswer.Retry).ToList();
        }

        foreach (var @event in handled)
            Telemetry.HopLatency.Record(Math.Max((clock.GetUtcNow() - @event.OccurredAt).TotalMilliseconds, 0), new KeyValuePair<string, object?>("topic", topic));
        logger.LogDebug("Handled a bulk of {Count} {EventType} on {Topic}", batch.Count, typeof(TEvent).Name, topic);
        return answers.Select(a => a ?? DeliveryAnswer.Retry).ToList();
    }

    /// <summary>The event of a delivery, or (null, null) for one that can never be read (no id, not a valid event): DROP.</summary>
    private static (string? Id, TEvent? Event) Read<TEvent>(DeliveredEvent delivered, ILogger logger) where TEvent : IntegrationEvent, ITopicEvent
    {
        var topic = TEvent.Topic;
        if (string.IsNullOrWhiteSpace(delivered.CloudEventId))
        {
            logger.LogWarning("Dropping poison message on {Topic}: the CloudEvent has no id or no readable data", topic);
            return (null, null);
        }
        try
        {
            var @event = JsonSerializer.Deserialize<TEvent>(delivered.Data, EventJson.Strict);
            if (@event is null) logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is null", delivered.CloudEventId, topic);
            return (delivered.CloudEventId, @event);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is not a {EventType}: {Error}", delivered.CloudEventId, topic, typeof(TEvent).Name, e.Message);
            return (null, null);
        }
    }

    /// <summary>The answer for an event its handler refused: RETRY when it must wait or the database was busy, DROP when it can never be handled.</summary>
    private static DeliveryAnswer Refused(Exception e, string id, string topic, ILogger logger)
    {
        switch (e)
        {
            case EventOutOfOrderException:
                logger.LogInformation("Message {MessageId} on {Topic} arrived before what it depends on; asking for redelivery: {Reason}", id, topic, e.Message);
                return DeliveryAnswer.Retry;
            case PoisonEventException:
                logger.LogWarning("Dropping message {MessageId} on {Topic}: {Reason}", id, topic, e.Message);
                return DeliveryAnswer.Drop;
            default:
                logger.LogWarning(e, "Message {MessageId} on {Topic} hit a transient database failure; asking for redelivery", id, topic);
                return DeliveryAnswer.Retry;
        }
    }

    private static bool IsDelivery(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/events");

    /// <summary>Busy/locked SQLite, or a concurrent duplicate delivery that lost the race on the inbox key.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,              // SQLITE_BUSY, SQLITE_LOCKED
        DbUpdateException { InnerException: SqliteException inner } => inner.SqliteErrorCode is 5 or 6 or 19, // 19: constraint (inbox race)
        // Two deliveries handled at once (the sidecar delivers concurrently) that touch one row: the loser tries again.
        DbUpdateConcurrencyException => true,
        // PostgreSQL: unique violation (inbox or read-model race), serialization failure, deadlock.
        DbUpdateException { InnerException: System.Data.Common.DbException { SqlState: "23505" or "40001" or "40P01" } } => true,
        System.Data.Common.DbException { SqlState: "40001" or "40P01" } => true,
        _ => false,
    };
}

/// <summary>Answers DROP for a CloudEvent body that Dapr's middleware would fail on; lets every readable one through untouched.</summary>
internal sealed class UnreadableDeliveryGuard(RequestDelegate next, ILogger<UnreadableDeliveryGuard> logger)
{
    /// <summary>Marks (in <c>HttpContext.Items</c>) a bulk delivery: an envelope of <c>entries</c>, not a CloudEvent.</summary>
    public const string BulkDelivery = "Equipment.BulkDelivery";
    private const string Bulk = "bulk";

    public async Task InvokeAsync(HttpContext context)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/cloudevents+json", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        var reason = await UnreadableReasonAsync(context.Request.Body, context.RequestAborted);
        context.Request.Body.Position = 0;
        if (reason is null or Bulk)
        {
            if (reason is Bulk) context.Items[BulkDelivery] = true;
            await next(context);
            return;
        }
        logger.LogWarning("Dropping poison message on {Path}: {Reason}", context.Request.Path, reason);
        Telemetry.RecordDelivery(context.Request.Path.Value!["/events/".Length..], DeliveryAnswer.Drop);
        await Results.Json(DeliveryAnswer.Drop, JsonSerializerOptions.Web).ExecuteAsync(context);
    }

    private static async Task<string?> UnreadableReasonAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return "the CloudEvent is not a JSON object";
            if (document.RootElement.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array
                && !document.RootElement.TryGetProperty("data", out _) && !document.RootElement.TryGetProperty("data_base64", out _))
                return Bulk;   // each entry is read on its own: an unreadable one is DROP, the others are handled
            if (document.RootElement.TryGetProperty("data", out _) && document.RootElement.TryGetProperty("data_base64", out _))
                return "the CloudEvent has both data and data_base64";
            if (document.RootElement.TryGetProperty("data_base64", out var base64)
                && (base64.ValueKind != JsonValueKind.String || !base64.TryGetBytesFromBase64(out _)))
                return "data_base64 is not base64";
            return null;
        }
        catch (JsonException e)
        {
            return $"the body is not JSON: {e.Message}";
        }
    }
}
