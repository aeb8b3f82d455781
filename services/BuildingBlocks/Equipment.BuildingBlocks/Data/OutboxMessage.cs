namespace Equipment.BuildingBlocks.Data;

/// <summary>
/// An integration event waiting to be published, written in the same SaveChanges as the state change that caused it.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    /// <summary>Insertion order; the dispatcher publishes oldest first.</summary>
    public long Sequence { get; private set; }
    public Guid EventId { get; private set; }
    public string Topic { get; private set; } = "";
    public string EventType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTime OccurredAt { get; private set; }
    public string? TraceParent { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The dispatcher instance that holds (or last held) this row's lease; it alone publishes the row while the lease runs.</summary>
    public string? ClaimedBy { get; private set; }
    /// <summary>Until when <see cref="ClaimedBy"/>'s lease runs; null when nobody holds it.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    public static OutboxMessage Create(string topic, Guid eventId, string eventType, string payload, DateTime occurredAtUtc, string? traceParent) =>
        new()
        {
            EventId = eventId,
            Topic = topic,
            EventType = eventType,
            Payload = payload,
            OccurredAt = occurredAtUtc,
            NextAttemptAt = occurredAtUtc,
            TraceParent = traceParent,
        };

    public void MarkPublished(DateTime nowUtc)
    {
        PublishedAt = nowUtc;
        LastError = null;
    }

    public void MarkFailed(string error, DateTime nowUtc, TimeSpan retryIn)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = nowUtc + retryIn;
    }
}

/// <summary>A CloudEvent id this service has already handled; written in the same transaction as the handler's writes.</summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public InboxMessage(string messageId, string topic, DateTime processedAtUtc)
    {
        MessageId = messageId;
        Topic = topic;
        ProcessedAt = processedAtUtc;
    }

    public string MessageId { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public DateTime ProcessedAt { get; private set; }
}
