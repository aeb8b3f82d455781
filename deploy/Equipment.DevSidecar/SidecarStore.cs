using Microsoft.EntityFrameworkCore;

namespace Equipment.DevSidecar;

/// <summary>
/// Serialises every write to the store (one SQLite file). Storing a message with its deliveries and adding a new
/// subscription with its backlog must see each other: without it a message published while a subscription is being
/// discovered can land after the backlog was read but before the subscription was saved, and never be delivered to
/// that app. And writers that meet inside SQLite wait in its busy handler; queued here they wait only for each other.
/// </summary>
public sealed class StoreWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// The subscriptions by topic as the store holds them, read once and kept until discovery changes them (both only
    /// behind the gate, so a publish never sees a subscription the store does not have, nor misses one it has).
    /// </summary>
    public ILookup<string, KnownSubscription>? Subscribers { get; set; }

    public async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { return await action(); }
        finally { _gate.Release(); }
    }
}

/// <summary>How <c>dotnet ef</c> makes the store when it writes its migrations.</summary>
public sealed class SidecarDesignTimeFactory : Equipment.BuildingBlocks.Data.SqliteDesignTimeFactory<SidecarDbContext>;

/// <summary>Messages, the subscriptions learnt from the apps, and one delivery row per (message, subscriber): all in SQLite.</summary>
public sealed class SidecarDbContext(DbContextOptions<SidecarDbContext> options) : DbContext(options)
{
    public DbSet<StoredMessage> Messages => Set<StoredMessage>();
    public DbSet<KnownSubscription> Subscriptions => Set<KnownSubscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredMessage>(b =>
        {
            b.HasKey(m => m.Id);
            b.HasIndex(m => m.Topic);
        });
        modelBuilder.Entity<KnownSubscription>(b =>
        {
            b.HasKey(s => new { s.AppId, s.Topic });
            b.HasIndex(s => s.Topic);
        });
        modelBuilder.Entity<Delivery>(b =>
        {
            b.HasKey(d => d.Id);
            b.HasIndex(d => new { d.Status, d.NextAttemptAt });
            b.HasIndex(d => new { d.MessageId, d.AppId }).IsUnique();
            b.Property(d => d.Status).HasConversion<string>();
        });
    }

    /// <summary>Stores a message and a pending delivery for every app subscribed to its topic, behind the gate.</summary>
    public Task<Accepted> AcceptAsync(StoreWriteGate gate, string topic, string body, string? traceParent, DateTime nowUtc, CancellationToken cancellationToken) =>
        AcceptAsync(gate, [(topic, body, traceParent)], nowUtc, cancellationToken);

    /// <summary>
    /// Stores messages, in their order, each with a pending delivery for every app subscribed to its topic: all in one
    /// transaction behind the gate (one commit for a bulk publish).
    /// </summary>
    public Task<Accepted> AcceptAsync(
        StoreWriteGate gate, IReadOnlyList<(string Topic, string Body, string? TraceParent)> messages, DateTime nowUtc, CancellationToken cancellationToken) =>
        gate.RunAsync(() => InsertAsync(gate, messages, nowUtc, cancellationToken), cancellationToken);

    private async Task<Accepted> InsertAsync(
        StoreWriteGate gate, IReadOnlyList<(string Topic, string Body, string? TraceParent)> messages, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var subscribers = gate.Subscribers ??= (await Subscriptions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.Topic);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var stored = messages.Select(m => new StoredMessage { Topic = m.Topic, Body = m.Body, TraceParent = m.TraceParent, ReceivedAt = nowUtc }).ToList();
        Messages.AddRange(stored);
        await SaveChangesAsync(cancellationToken);
        var deliveries = new List<(Delivery, StoredMessage)>();
        foreach (var message in stored)
            foreach (var subscription in subscribers[message.Topic])
            {
                var delivery = Delivery.Pending(message.Id, subscription, nowUtc);
                Deliveries.Add(delivery);
                deliveries.Add((delivery, message));
            }
        await SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Accepted(stored, deliveries);
    }
}

/// <summary>What one accept stored: the messages, in their order, and the pending delivery of each to each subscriber.</summary>
public sealed record Accepted(IReadOnlyList<StoredMessage> Messages, IReadOnlyList<(Delivery Delivery, StoredMessage Message)> Deliveries);

public sealed class StoredMessage
{
    public long Id { get; set; }
    public string Topic { get; set; } = "";
    /// <summary>The CloudEvent exactly as it will be delivered.</summary>
    public string Body { get; set; } = "";
    public string? TraceParent { get; set; }
    public DateTime ReceivedAt { get; set; }
}

public sealed class KnownSubscription
{
    public string AppId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Route { get; set; } = "";
    public string? DeadLetterTopic { get; set; }
    public DateTime DiscoveredAt { get; set; }
}

public enum DeliveryStatus { Pending, Delivered, Dropped, DeadLettered, GaveUp }

public sealed class Delivery
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public string AppId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Route { get; set; } = "";
    public string? DeadLetterTopic { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? LastError { get; set; }

    public static Delivery Pending(long messageId, KnownSubscription subscription, DateTime nowUtc) => new()
    {
        MessageId = messageId,
        AppId = subscription.AppId,
        Topic = subscription.Topic,
        Route = subscription.Route,
        DeadLetterTopic = subscription.DeadLetterTopic,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = nowUtc,
    };
}
