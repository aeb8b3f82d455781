using Equipment.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Data;

// One model, two databases: each provider keeps its own migrations (Data/Migrations/<Provider>), which EF ties to a
// context type; these two add nothing to ReportingDbContext but that type.

/// <summary>ReportingDbContext on SQLite, the embedded default.</summary>
public sealed class ReportingSqliteDbContext(DbContextOptions<ReportingSqliteDbContext> options) : ReportingDbContext(options);

/// <summary>ReportingDbContext on PostgreSQL, for production.</summary>
public sealed class ReportingPostgresDbContext(DbContextOptions<ReportingPostgresDbContext> options) : ReportingDbContext(options);

public sealed class ReportingSqliteDesignTimeFactory : SqliteDesignTimeFactory<ReportingSqliteDbContext>;

public sealed class ReportingPostgresDesignTimeFactory : PostgresDesignTimeFactory<ReportingPostgresDbContext>;
