using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Equipment.BuildingBlocks.Data;

/// <summary>The database a service keeps its facts in: SQLite embedded by default, PostgreSQL in production.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// <c>Database:Provider</c> and <c>ConnectionStrings:Database</c>; each service owns its own database (or schema).
/// <c>Database:SqliteSynchronous</c> (<see cref="SqliteSynchronous"/>): <c>Normal</c> by default, <c>Full</c> to fsync
/// every commit.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// SQLite's <c>synchronous</c> in WAL mode. <c>Normal</c> (the default, and SQLite's advice for WAL): a commit is
    /// durable against a crash or a kill of the process, and the file is never corrupted, but a power loss or an OS crash
    /// can roll back the last commits before a checkpoint; commits skip an fsync each (measured 3.7 ms against 0.015 ms).
    /// <c>Full</c>: every commit is fsynced. PostgreSQL, the production database, is not affected.
    /// </summary>
    public string SqliteSynchronous { get; init; } = "NORMAL";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string appId)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrEmpty(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider '{name}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString("Database")
            ?? (provider == DatabaseProvider.Sqlite ? $"Data Source=data/{appId}.db"
                : throw new InvalidOperationException("ConnectionStrings:Database is required with Database:Provider=Postgres."));
        var synchronous = configuration["Database:SqliteSynchronous"] is { Length: > 0 } given ? given.ToUpperInvariant() : "NORMAL";
        if (synchronous is not ("NORMAL" or "FULL" or "EXTRA"))
            throw new InvalidOperationException($"Database:SqliteSynchronous '{synchronous}' is not one of Normal, Full, Extra.");
        return new DatabaseOptions(provider, connectionString) { SqliteSynchronous = synchronous };
    }

    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder builder) => Provider switch
    {
        DatabaseProvider.Postgres => builder.UseNpgsql(ConnectionString),
        _ => builder.UseSqlite(ConnectionString).AddInterceptors(SqliteSynchronous == "NORMAL" ? SqliteConnectionPragmas.Services : SqliteConnectionPragmas.For(SqliteSynchronous)),
    };

    /// <summary>The SQLite file's folder exists before the first connection, and the file is its owner's only (see <see cref="DataFiles"/>).</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        DataFiles.PrepareSqlite(ConnectionString);
    }
}

/// <summary>
/// Settings SQLite keeps per connection, run on each opening. <see cref="Services"/>: every connection waits in SQLite's
/// own busy handler (<c>busy_timeout</c>) when another one writes, retrying within milliseconds; without it
/// Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so that every write that met another one (a
/// request, the outbox dispatcher, a delivery) waited 150 ms. It also sets <c>synchronous</c> (see
/// <see cref="DatabaseOptions.SqliteSynchronous"/>).
/// </summary>
public sealed class SqliteConnectionPragmas(string pragmas) : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public const string BusyTimeout = "PRAGMA busy_timeout = 30000;";
    public static readonly SqliteConnectionPragmas Services = For("NORMAL");

    /// <summary>The services' pragmas with SQLite's <c>synchronous</c> at <paramref name="synchronous"/> (see <see cref="DatabaseOptions.SqliteSynchronous"/>).</summary>
    public static SqliteConnectionPragmas For(string synchronous) => new($"{BusyTimeout} PRAGMA synchronous = {synchronous};");

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Data files hold everything the services know: on Unix they are readable and writable by their owner only (0600).</summary>
public static class DataFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Makes the folder of a SQLite connection string's file and creates the file 0600 when it is missing (SQLite then
    /// gives its -wal and -shm files the same mode), or narrows an existing one (and its -wal, -shm) to 0600.
    /// In-memory databases are left alone.
    /// </summary>
    public static void PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return;
        var path = Path.GetFullPath(builder.DataSource);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
            }
            catch (IOException) when (File.Exists(path))
            {
                // another instance created it at the same moment: it is narrowed below like any existing file
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(file) && File.GetUnixFileMode(file) != OwnerOnly) File.SetUnixFileMode(file, OwnerOnly);
    }
}

/// <summary>How <c>dotnet ef</c> makes a provider's context when it writes migrations (it never connects).</summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <inheritdoc cref="SqliteDesignTimeFactory{TContext}"/>
public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design_time").Options)!;
}
