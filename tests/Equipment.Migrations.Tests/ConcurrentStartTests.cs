using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.Migrations.Tests;

/// <summary>Runs only with <c>EQUIPMENT_TEST_POSTGRES</c> (CI sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static string? Server => Environment.GetEnvironmentVariable("EQUIPMENT_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public PostgresFactAttribute()
    {
        if (Server is null) Skip = "Needs PostgreSQL: set EQUIPMENT_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=5433;Username=postgres).";
    }
}

/// <summary>Several instances of a service starting at once on an empty server: one creates and migrates, none fails.</summary>
public sealed class ConcurrentStartTests : IAsyncLifetime
{
    private readonly string _database = "equipment_concurrent_" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.Server is not { } server) return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var connection = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Four_instances_migrating_one_new_database_at_once_all_start_and_the_migrations_are_applied_once()
    {
        var options = new DbContextOptionsBuilder<Inventory.Data.InventoryPostgresDbContext>()
            .UseNpgsql($"{PostgresFactAttribute.Server};Database={_database}").Options;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = new Inventory.Data.InventoryPostgresDbContext(options);
            await DatabaseMigrator.MigrateAsync(db, "outbox_messages", NullLogger.Instance, CancellationToken.None);
        })));

        await using var check = new Inventory.Data.InventoryPostgresDbContext(options);
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }
}
