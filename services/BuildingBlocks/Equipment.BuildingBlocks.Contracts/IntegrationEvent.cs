namespace Equipment.BuildingBlocks.Contracts;

/// <summary>
/// An integration event: a fact one service publishes for the others. <see cref="EventId"/> is the CloudEvent <c>id</c>
/// consumers deduplicate on; <see cref="OccurredAt"/> is when the fact was recorded.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>An event type that knows the topic it is published on, so that no caller names a topic string.</summary>
public interface ITopicEvent
{
    static abstract string Topic { get; }
}
