using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Data;

// One model, two databases: each provider keeps its own migrations (Data/Migrations/<Provider>), which EF ties to a
// context type; these two add nothing to InventoryDbContext but that type.

/// <summary>InventoryDbContext on SQLite, the embedded default.</summary>
public sealed class InventorySqliteDbContext(DbContextOptions<InventorySqliteDbContext> options) : InventoryDbContext(options);

/// <summary>InventoryDbContext on PostgreSQL, for production.</summary>
public sealed class InventoryPostgresDbContext(DbContextOptions<InventoryPostgresDbContext> options) : InventoryDbContext(options);

public sealed class InventorySqliteDesignTimeFactory : SqliteDesignTimeFactory<InventorySqliteDbContext>;

public sealed class InventoryPostgresDesignTimeFactory : PostgresDesignTimeFactory<InventoryPostgresDbContext>;
