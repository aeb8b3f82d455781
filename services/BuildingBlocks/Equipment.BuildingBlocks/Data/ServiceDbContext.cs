using System.Diagnostics;
using System.Text.Json;
using Equipment.BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Equipment.BuildingBlocks.Data;

/// <summary>
/// Base of every service's DbContext: carries the outbox and the inbox so that a state change, the events it
/// causes and the inbox record of the event that caused it are written in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>
    /// SQLite has no decimal type that sorts or compares in SQL, so money a query sorts or filters on is kept there as a
    /// REAL; PostgreSQL keeps it exact (<c>numeric</c>).
    /// </summary>
    protected bool SortsMoneyAsDouble => Database.IsSqlite();

    /// <summary>The shadow column that makes an aggregate's row a concurrency token (see <see cref="HasRowVersion{T}"/>).</summary>
    public const string RowVersion = "RowVersion";

    /// <summary>
    /// Optimistic concurrency for an aggregate: every save that changes its row, or anything it owns (its JSON
    /// columns), raises <c>RowVersion</c> by one and updates only where it still has the value that was read. Of two
    /// requests that read the same state and both change it, the second writes nothing and fails with a
    /// <see cref="DbUpdateConcurrencyException"/> (a 409 naming the current state), with its events unwritten.
    /// </summary>
    protected static EntityTypeBuilder<T> HasRowVersion<T>(EntityTypeBuilder<T> entity) where T : class
    {
        entity.Property<int>(RowVersion).IsConcurrencyToken();
        return entity;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseRowVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseRowVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RaiseRowVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Metadata.IsOwned() || entry.Metadata.FindProperty(RowVersion) is null) continue;
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && OwnedChanged(entry)))
            {
                var version = entry.Property(RowVersion);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private static bool OwnedChanged(EntityEntry entry) =>
        entry.Navigations.Any(n => n.Metadata.TargetEntityType.IsOwned() && n switch
        {
            ReferenceEntry reference => reference.TargetEntry is { } target && Changed(target),
            CollectionEntry collection => collection.CurrentValue is { } items
                && items.Cast<object>().Any(item => collection.FindEntry(item) is { } target && Changed(target)),
            _ => false,
        });

    private static bool Changed(EntityEntry entry) => entry.State != EntityState.Unchanged || OwnedChanged(entry);

    /// <summary>Queues an integration event; it is stored by the next SaveChanges together with the state change.</summary>
    public void Publish<TEvent>(TEvent @event) where TEvent : IntegrationEvent, ITopicEvent
    {
        var payload = JsonSerializer.Serialize(@event, EventJson.Options);
        OutboxMessages.Add(OutboxMessage.Create(TEvent.Topic, @event.EventId, typeof(TEvent).Name, payload, @event.OccurredAt.UtcDateTime, Activity.Current?.Id));
    }

    /// <summary>
    /// Every instant is UTC: stored as UTC (PostgreSQL's <c>timestamptz</c> accepts nothing else) and read back marked
    /// UTC, so that it is written with its offset (<c>…Z</c>) in every answer. Dates (<c>DateOnly</c>) stay dates.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Sequence);
            b.Property(m => m.Sequence).ValueGeneratedOnAdd();
            b.HasIndex(m => m.EventId).IsUnique();
            b.HasIndex(m => new { m.PublishedAt, m.NextAttemptAt });
            b.Property(m => m.Topic).HasMaxLength(200);
            b.Property(m => m.EventType).HasMaxLength(200);
            b.Property(m => m.ClaimedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => m.MessageId);
            b.Property(m => m.MessageId).HasMaxLength(200);
            b.HasIndex(m => m.ProcessedAt);
        });
    }
}

public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class UtcDateTimeOffsetConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v.ToUniversalTime());

/// <summary>The JSON shape of integration events on the wire: camelCase, enums as strings.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>
    /// How a delivered event is read: as <see cref="Options"/>, but a missing constructor argument or required member,
    /// or a null where the type allows none, is an error (the message is poison), not a default value.
    /// </summary>
    public static readonly JsonSerializerOptions Strict = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
