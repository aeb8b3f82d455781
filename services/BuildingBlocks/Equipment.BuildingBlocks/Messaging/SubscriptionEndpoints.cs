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
        registry.Add(new Subscription(TEvent.Topic, typeof(TEvent), HandleAsync<TEvent>));
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
        return app.UseCloudEvents(new CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ForwardedAttributes,
        });
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
        if (string.IsNullOrWhiteSpace(delivered.CloudEventId))
        {
            logger.LogWarning("Dropping poison message on {Topic}: the CloudEvent has no id", topic);
            return DeliveryAnswer.Drop;
        }
        var id = delivered.CloudEventId;

        TEvent? @event;
        try
        {
            @event = JsonSerializer.Deserialize<TEvent>(delivered.Data, EventJson.Strict);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is not a {EventType}: {Error}", id, topic, typeof(TEvent).Name, e.Message);
            return DeliveryAnswer.Drop;
        }
        if (@event is null)
        {
            logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is null", id, topic);
            return DeliveryAnswer.Drop;
        }

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
        catch (EventOutOfOrderException e)
        {
            logger.LogInformation("Message {MessageId} on {Topic} arrived before what it depends on; asking for redelivery: {Reason}", id, topic, e.Message);
            return DeliveryAnswer.Retry;
        }
        catch (PoisonEventException e)
        {
            logger.LogWarning("Dropping message {MessageId} on {Topic}: {Reason}", id, topic, e.Message);
            return DeliveryAnswer.Drop;
        }
        catch (Exception e) when (IsTransient(e))
        {
            logger.LogWarning(e, "Message {MessageId} on {Topic} hit a transient database failure; asking for redelivery", id, topic);
            return DeliveryAnswer.Retry;
        }

        Telemetry.HopLatency.Record(Math.Max((clock.GetUtcNow() - @event.OccurredAt).TotalMilliseconds, 0), new KeyValuePair<string, object?>("topic", topic));
        logger.LogDebug("Handled {EventType} {MessageId} on {Topic}", typeof(TEvent).Name, id, topic);
        return DeliveryAnswer.Success;
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
        if (reason is null)
        {
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
