using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Data;

// One model, two databases: each provider keeps its own migrations (Data/Migrations/<Provider>), which EF ties to a
// context type; these two add nothing to ProcurementDbContext but that type.

/// <summary>ProcurementDbContext on SQLite, the embedded default.</summary>
public sealed class ProcurementSqliteDbContext(DbContextOptions<ProcurementSqliteDbContext> options) : ProcurementDbContext(options);

/// <summary>ProcurementDbContext on PostgreSQL, for production.</summary>
public sealed class ProcurementPostgresDbContext(DbContextOptions<ProcurementPostgresDbContext> options) : ProcurementDbContext(options);

public sealed class ProcurementSqliteDesignTimeFactory : SqliteDesignTimeFactory<ProcurementSqliteDbContext>;

public sealed class ProcurementPostgresDesignTimeFactory : PostgresDesignTimeFactory<ProcurementPostgresDbContext>;
