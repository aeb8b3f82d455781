using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.BuildingBlocks.Tests;

public sealed class Note
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}

public sealed record NoteWritten(string Text) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "notes.written";
}

public sealed record NoteArchived(string Text) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "notes.archived";
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}

/// <summary>A real SQLite file per test, deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"equipment-bb-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public string ConnectionString => $"Data Source={_path}";

    public TestDbContext Open() => new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
