using System.Diagnostics;
using System.Text.Json;
using Equipment.BuildingBlocks.Contracts;
using System.Security.Claims;
using Equipment.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// SQLite has no decimal type that sorts or compares in SQL, so money a query sorts or filters on is kept there as a
    /// REAL; PostgreSQL keeps it exact (<c>numeric</c>).
    /// </summary>
    protected bool SortsMoneyAsDouble => Database.IsSqlite();

    /// <summary>The shadow column that makes an aggregate's row a concurrency token (see <see cref="HasRowVersion{T}"/>).</summary>
    public const string RowVersion = "RowVersion";

    /// <summary>
    /// Marks an aggregate. Optimistic concurrency: every save that changes its row, or anything it owns (its JSON
    /// columns), raises <c>RowVersion</c> by one and updates only where it still has the value that was read. Of two
    /// requests that read the same state and both change it, the second writes nothing and fails with a
    /// <see cref="DbUpdateConcurrencyException"/> (a 409 naming the current state), with its events unwritten.
    /// Audit: every such save (and its creation and deletion) writes an <see cref="AuditEntry"/> in the same transaction.
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
        var tampered = ChangeTracker.Entries<AuditEntry>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampered is not null)
            throw new InvalidOperationException($"Audit entry {tampered.Entity.Sequence} cannot be {tampered.State.ToString().ToLowerInvariant()}: the audit trail is append-only.");
        var trail = new List<(EntityEntry Entry, string Action, IReadOnlyList<string> Fields)>();
        // The versions a request's If-Match promised (Hosting.EntityTags): the row is written only where it still has it.
        var promised = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService<IHttpContextAccessor>()?.HttpContext?.Items[Hosting.EntityTags.ExpectedVersions] as Dictionary<(Type, string), int>;
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Metadata.IsOwned() || entry.Metadata.FindProperty(RowVersion) is null) continue;
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && OwnedChanged(entry)))
            {
                var fields = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != RowVersion).Select(p => p.Metadata.Name)
                    .Concat(entry.Navigations.Where(n => n.Metadata.TargetEntityType.IsOwned() && NavigationChanged(n)).Select(n => n.Metadata.Name))
                    .ToList();
                var version = entry.Property(RowVersion);
                if (promised is not null && promised.TryGetValue((entry.Metadata.ClrType,
                        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()))), out var expected))
                    version.OriginalValue = expected;
                version.CurrentValue = (int)version.OriginalValue! + 1;
                trail.Add((entry, "Changed", fields));
            }
            else if (entry.State is EntityState.Added) trail.Add((entry, "Created", []));
            else if (entry.State is EntityState.Deleted) trail.Add((entry, "Deleted", []));
        }
        if (trail.Count == 0) return;

        var services = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var http = services?.GetService<IHttpContextAccessor>()?.HttpContext;
        var principal = http?.User;
        var user = principal?.FindFirstValue(EquipmentClaims.Name) ?? principal?.FindFirstValue(EquipmentClaims.Subject) ?? "system";
        var roles = principal?.FindAll(EquipmentClaims.Role).Select(c => c.Value).ToList() ?? [];
        var role = roles.Count > 0 ? string.Join(',', roles) : "(none)";
        var correlation = http?.Request.Headers["X-Correlation-Id"].ToString() is { Length: > 0 and <= 100 } id ? id : Activity.Current?.TraceId.ToString();
        var now = (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        foreach (var (entry, action, fields) in trail)
        {
            var key = string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
            AuditEntries.Add(AuditEntry.Record(now, user, role, entry.Metadata.ClrType.Name, key, action, fields, correlation));
        }
    }

    private static bool NavigationChanged(NavigationEntry navigation) => navigation switch
    {
        ReferenceEntry reference => reference.TargetEntry is { } target && Changed(target),
        CollectionEntry collection => collection.IsModified || (collection.CurrentValue is { } items
            && items.Cast<object>().Any(item => collection.FindEntry(item) is { } target && Changed(target))),
        _ => false,
    };

    private static bool OwnedChanged(EntityEntry entry) =>
        entry.Navigations.Any(n => n.Metadata.TargetEntityType.IsOwned() && NavigationChanged(n));

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
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(a => a.Sequence);
            b.Property(a => a.Sequence).ValueGeneratedOnAdd();
            b.HasIndex(a => new { a.EntityType, a.EntityId });
            b.Property(a => a.User).HasMaxLength(200);
            b.Property(a => a.Role).HasMaxLength(200);
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.EntityId).HasMaxLength(200);
            b.Property(a => a.Action).HasMaxLength(20);
            b.Property(a => a.CorrelationId).HasMaxLength(100);
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
