using System.Text.Json;
using Equipment.BuildingBlocks.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Equipment.BuildingBlocks.Messaging;

public static class SubscriptionEndpoints
{
    /// <summary>Declares that <typeparamref name="THandler"/> handles <paramref name="topic"/>.</summary>
    public static IServiceCollection AddSubscription<TEvent, THandler>(this IServiceCollection services, string topic, string? deadLetterTopic = null)
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        var registry = (SubscriptionRegistry?)services.FirstOrDefault(d => d.ServiceType == typeof(SubscriptionRegistry))?.ImplementationInstance;
        if (registry is null)
        {
            registry = new SubscriptionRegistry();
            services.AddSingleton(registry);
        }
        registry.Add(new Subscription(topic, typeof(TEvent), typeof(THandler), deadLetterTopic));
        return services;
    }

    /// <summary>Maps <c>GET /dapr/subscribe</c> and one POST route per subscription. These are called by the sidecar, not by users.</summary>
    public static IEndpointRouteBuilder MapDaprSubscriptions(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetService<SubscriptionRegistry>() ?? new SubscriptionRegistry();
        var options = endpoints.ServiceProvider.GetRequiredService<DaprOptions>();

        endpoints.MapGet("/dapr/subscribe", () => Results.Json(registry.ToDaprDocument(options.PubSubName)))
            .ExcludeFromDescription();

        var deliver = typeof(SubscriptionEndpoints).GetMethod(nameof(DeliverAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var subscription in registry.All)
        {
            var typed = deliver.MakeGenericMethod(subscription.EventType);
            endpoints.MapPost(subscription.Route, async context =>
                {
                    var result = await (Task<IResult>)typed.Invoke(null, [context, subscription, options])!;
                    await result.ExecuteAsync(context);
                })
                .ExcludeFromDescription();
        }
        return endpoints;
    }

    private static async Task<IResult> DeliverAsync<TEvent>(HttpContext context, Subscription subscription, DaprOptions options)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Equipment.Subscriptions");
        if (options.AppApiToken is not null && context.Request.Headers["dapr-api-token"] != options.AppApiToken)
            return Results.Unauthorized();

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var answer = await HandleAsync<TEvent>(buffer.ToArray(), subscription, context.RequestServices, logger, context.RequestAborted);
        return Results.Json(answer);
    }

    /// <summary>
    /// Parses, deduplicates and handles one delivery. The handler's writes and the inbox row are saved in one
    /// transaction. Poison → DROP; out of order or a busy database → RETRY; anything else propagates (500, which
    /// daprd also retries) so that it is seen, not hidden.
    /// </summary>
    internal static async Task<DeliveryAnswer> HandleAsync<TEvent>(
        byte[] body, Subscription subscription, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var cloudEvent = CloudEventParser.Parse(body, out var reason);
        if (cloudEvent is null)
        {
            logger.LogWarning("Dropping poison message on {Topic}: {Reason}", subscription.Topic, reason);
            return DeliveryAnswer.Drop;
        }

        TEvent? @event;
        try
        {
            @event = cloudEvent.Data.Deserialize<TEvent>(EventJson.Options);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is not a {EventType}: {Error}",
                cloudEvent.Id, subscription.Topic, typeof(TEvent).Name, e.Message);
            return DeliveryAnswer.Drop;
        }
        if (@event is null)
        {
            logger.LogWarning("Dropping poison message {MessageId} on {Topic}: payload is null", cloudEvent.Id, subscription.Topic);
            return DeliveryAnswer.Drop;
        }

        var db = services.GetRequiredService<ServiceDbContext>();
        if (await db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == cloudEvent.Id, cancellationToken))
        {
            logger.LogInformation("Message {MessageId} on {Topic} was already handled; acknowledging", cloudEvent.Id, subscription.Topic);
            return DeliveryAnswer.Success;
        }

        var handler = services.GetRequiredService<IIntegrationEventHandler<TEvent>>();
        var clock = services.GetRequiredService<TimeProvider>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await handler.HandleAsync(@event, cancellationToken);
            db.InboxMessages.Add(new InboxMessage(cloudEvent.Id, subscription.Topic, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (EventOutOfOrderException e)
        {
            logger.LogInformation("Message {MessageId} on {Topic} arrived before what it depends on; asking for redelivery: {Reason}",
                cloudEvent.Id, subscription.Topic, e.Message);
            return DeliveryAnswer.Retry;
        }
        catch (PoisonEventException e)
        {
            logger.LogWarning("Dropping message {MessageId} on {Topic}: {Reason}", cloudEvent.Id, subscription.Topic, e.Message);
            return DeliveryAnswer.Drop;
        }
        catch (Exception e) when (IsTransient(e))
        {
            logger.LogWarning(e, "Message {MessageId} on {Topic} hit a transient database failure; asking for redelivery", cloudEvent.Id, subscription.Topic);
            return DeliveryAnswer.Retry;
        }

        logger.LogInformation("Handled {EventType} {MessageId} on {Topic}", typeof(TEvent).Name, cloudEvent.Id, subscription.Topic);
        return DeliveryAnswer.Success;
    }

    /// <summary>Busy/locked SQLite, or a concurrent duplicate delivery that lost the race on the inbox key.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,              // SQLITE_BUSY, SQLITE_LOCKED
        DbUpdateException { InnerException: SqliteException inner } => inner.SqliteErrorCode is 5 or 6 or 19, // 19: constraint (inbox race)
        _ => false,
    };
}
