using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Equipment.BuildingBlocks.Data;

/// <summary>The database a service keeps its facts in: SQLite embedded by default, PostgreSQL in production.</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:Database</c>; each service owns its own database (or schema).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string appId)
    {
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrEmpty(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider '{name}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString("Database")
            ?? (provider == DatabaseProvider.Sqlite ? $"Data Source=data/{appId}.db"
                : throw new InvalidOperationException("ConnectionStrings:Database is required with Database:Provider=Postgres."));
        return new DatabaseOptions(provider, connectionString);
    }

    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder builder) => Provider switch
    {
        DatabaseProvider.Postgres => builder.UseNpgsql(ConnectionString),
        _ => builder.UseSqlite(ConnectionString),
    };

    /// <summary>The SQLite file's folder exists before the first connection.</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
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
