using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.BuildingBlocks.Data;

/// <summary>
/// Brings a database to the newest migration at start, saying what it applied. A SQLite file made by an older build
/// with <c>EnsureCreated</c> (tables, no migrations history) is recognised by <paramref name="markerTable"/> and
/// recorded at the first migration, whose schema is exactly what that build made, so that later migrations upgrade it
/// without losing a row.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(DbContext db, string markerTable, ILogger logger, CancellationToken cancellationToken)
    {
        var database = db.Database;
        var name = database.IsSqlite() ? database.GetDbConnection().DataSource : database.GetDbConnection().Database;
        var history = db.GetService<IHistoryRepository>();
        if (database.IsSqlite() && !await history.ExistsAsync(cancellationToken) && await SqliteTableExistsAsync(db, markerTable, cancellationToken))
        {
            var baseline = database.GetMigrations().First();
            await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
            logger.LogWarning("Database {Database} was made by an older build without migrations: recorded at {Migration}, no row changed", name, baseline);
        }

        var pending = database.IsNpgsql()
            ? await MigratePostgresAsync(db, name, logger, cancellationToken)
            : await MigrateNowAsync(database, cancellationToken);
        if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (pending.Count == 0)
            logger.LogInformation("Database {Database} is up to date at {Migration}", name, database.GetMigrations().LastOrDefault());
        else
            logger.LogInformation("Database {Database}: applied {Count} migration(s): {Migrations}", name, pending.Count, string.Join(", ", pending));
    }

    /// <summary>
    /// Several instances may start at once against one database: the empty database is created by whichever comes
    /// first (the others find it there), and the migrations run under a session advisory lock, so that one instance
    /// applies them while the others wait and then find nothing pending.
    /// </summary>
    private static async Task<List<string>> MigrateNowAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await database.MigrateAsync(cancellationToken);
        return pending;
    }

    private static async Task<List<string>> MigratePostgresAsync(DbContext db, string name, ILogger logger, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        for (var attempt = 1; !await creator.ExistsAsync(cancellationToken); attempt++)
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException e) when (attempt < 5 && e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
            {
                logger.LogInformation("Database {Database} was created by another instance meanwhile", name);
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                return await MigrateNowAsync(db.Database, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock key the migrations of a database run under (any constant: each service has its own database).</summary>
    private const long MigrationLockKey = 0x4571_7569_704D_6967;   // "EquipMig"

    private static async Task<bool> SqliteTableExistsAsync(DbContext db, string table, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
            .SingleAsync(cancellationToken) > 0;
}

/// <summary>Migrates the service's database before anything else runs (hosted services start in order).</summary>
internal sealed class DatabaseMigration<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigration<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<TDbContext>(), "outbox_messages", logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
