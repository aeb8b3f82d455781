using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Data;

// One model, two databases: each provider keeps its own migrations (Data/Migrations/<Provider>), which EF ties to a
// context type; these two add nothing to MaintenanceDbContext but that type.

/// <summary>MaintenanceDbContext on SQLite, the embedded default.</summary>
public sealed class MaintenanceSqliteDbContext(DbContextOptions<MaintenanceSqliteDbContext> options) : MaintenanceDbContext(options);

/// <summary>MaintenanceDbContext on PostgreSQL, for production.</summary>
public sealed class MaintenancePostgresDbContext(DbContextOptions<MaintenancePostgresDbContext> options) : MaintenanceDbContext(options);

public sealed class MaintenanceSqliteDesignTimeFactory : SqliteDesignTimeFactory<MaintenanceSqliteDbContext>;

public sealed class MaintenancePostgresDesignTimeFactory : PostgresDesignTimeFactory<MaintenancePostgresDbContext>;
