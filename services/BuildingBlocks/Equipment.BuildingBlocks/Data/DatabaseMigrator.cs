using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await database.MigrateAsync(cancellationToken);
        if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (pending.Count == 0)
            logger.LogInformation("Database {Database} is up to date at {Migration}", name, database.GetMigrations().LastOrDefault());
        else
            logger.LogInformation("Database {Database}: applied {Count} migration(s): {Migrations}", name, pending.Count, string.Join(", ", pending));
    }

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
