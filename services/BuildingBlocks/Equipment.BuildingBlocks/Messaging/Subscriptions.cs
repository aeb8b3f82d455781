using Equipment.BuildingBlocks.Contracts;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>Handles one integration event. Writes go to the scoped DbContext; the subscription saves them with the inbox row.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown by a handler when the event depends on one that has not arrived yet (delivery has no order).
/// The subscription answers RETRY so the sidecar delivers it again later.
/// </summary>
public sealed class EventOutOfOrderException(string message) : Exception(message);

/// <summary>Thrown by a handler when the event can never be handled (its facts contradict themselves): answered DROP.</summary>
public sealed class PoisonEventException(string message) : Exception(message);

/// <summary>A topic this app subscribes to, the event type its deliveries must hold, and how to handle one, or a bulk of them (an answer each, in order).</summary>
public sealed record Subscription(string Topic, Type EventType, Func<DeliveredEvent, IServiceProvider, CancellationToken, Task<DeliveryAnswer>> Deliver,
    Func<IReadOnlyList<DeliveredEvent>, IServiceProvider, CancellationToken, Task<IReadOnlyList<DeliveryAnswer>>> DeliverBulk)
{
    /// <summary>The app route daprd posts this topic's CloudEvents to.</summary>
    public string Route => $"/events/{Topic}";
}

/// <summary>Subscriptions declared in code (event type → handler).</summary>
public sealed class SubscriptionRegistry
{
    private readonly List<Subscription> _subscriptions = [];
    public IReadOnlyList<Subscription> All => _subscriptions;

    public void Add(Subscription subscription)
    {
        if (_subscriptions.Any(s => s.Topic == subscription.Topic))
            throw new InvalidOperationException($"Topic '{subscription.Topic}' already has a handler.");
        _subscriptions.Add(subscription);
    }
}

/// <summary>One delivery as the app receives it after Dapr's CloudEvents middleware: the CloudEvent id and the unwrapped <c>data</c>.</summary>
public sealed record DeliveredEvent(string? CloudEventId, byte[] Data);

/// <summary>The answer daprd reads from a delivery: SUCCESS acks, RETRY redelivers, DROP discards (or dead-letters).</summary>
public sealed record DeliveryAnswer(string Status)
{
    public static readonly DeliveryAnswer Success = new("SUCCESS");
    public static readonly DeliveryAnswer Retry = new("RETRY");
    public static readonly DeliveryAnswer Drop = new("DROP");
}
