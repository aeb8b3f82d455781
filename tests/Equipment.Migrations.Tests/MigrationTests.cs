using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Equipment.Migrations.Tests;

/// <summary>
/// Every schema change ships as a migration, for each provider: a model that differs from its last migration's
/// snapshot would leave every existing database without the change.
/// </summary>
public class MigrationTests
{
    public static TheoryData<Type> DesignTimeFactories() => new(
        typeof(Procurement.Data.ProcurementSqliteDesignTimeFactory), typeof(Procurement.Data.ProcurementPostgresDesignTimeFactory),
        typeof(Inventory.Data.InventorySqliteDesignTimeFactory), typeof(Inventory.Data.InventoryPostgresDesignTimeFactory),
        typeof(Maintenance.Data.MaintenanceSqliteDesignTimeFactory), typeof(Maintenance.Data.MaintenancePostgresDesignTimeFactory),
        typeof(DonorReporting.Data.ReportingSqliteDesignTimeFactory), typeof(DonorReporting.Data.ReportingPostgresDesignTimeFactory),
        typeof(DevSidecar.SidecarDesignTimeFactory));

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void The_model_has_no_change_that_a_migration_does_not_carry(Type factoryType)
    {
        using var db = Create(factoryType);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{db.GetType().Name} differs from its last migration: run dotnet ef migrations add <Name> --context {db.GetType().Name} (see README)");
    }

    [Fact]
    public void Each_provider_has_its_own_migrations()
    {
        using var sqlite = Create(typeof(Inventory.Data.InventorySqliteDesignTimeFactory));
        using var postgres = Create(typeof(Inventory.Data.InventoryPostgresDesignTimeFactory));
        Assert.True(sqlite.Database.IsSqlite());
        Assert.True(postgres.Database.IsNpgsql());
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }

    private static DbContext Create(Type factoryType)
    {
        var factory = Activator.CreateInstance(factoryType)!;
        var create = factoryType.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>))
            .GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
        return (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;
    }
}
