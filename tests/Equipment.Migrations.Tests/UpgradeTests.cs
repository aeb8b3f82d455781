using System.Security.Cryptography;
using System.Text;
using Equipment.BuildingBlocks.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Equipment.Migrations.Tests;

/// <summary>
/// A data folder written by main before migrations existed (tables by EnsureCreated, no history; filled by the demo
/// seed) is recognised, recorded at the first migration and upgraded: every table keeps every row and every value,
/// and the schema is the one a new database gets.
/// </summary>
public class UpgradeTests : IDisposable
{
    private const string Fixtures = "Fixtures/data-made-by-main-b5e1c0f";
    private readonly string _directory = Directory.CreateTempSubdirectory("equipment-upgrade-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string, string> DataFiles() => new()
    {
        { "procurement.db", "outbox_messages" },
        { "inventory.db", "outbox_messages" },
        { "maintenance.db", "outbox_messages" },
        { "donor-reporting.db", "outbox_messages" },
        { "sidecar.db", "Messages" },
    };

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task A_database_made_before_migrations_is_upgraded_without_losing_a_row_or_a_value(string file, string markerTable)
    {
        var old = Path.Combine(_directory, file);
        File.Copy(Path.Combine(AppContext.BaseDirectory, Fixtures, file), old);
        var before = Contents(old);
        Assert.True(before.Values.Sum(t => t.Rows) > 50, $"the fixture {file} holds too little to prove anything");
        Assert.DoesNotContain("__EFMigrationsHistory", before.Keys);

        await using (var db = Open(file, old))
        {
            await DatabaseMigrator.MigrateAsync(db, markerTable, NullLogger.Instance, CancellationToken.None);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        var after = Contents(old, Columns(Path.Combine(AppContext.BaseDirectory, Fixtures, file)));   // the values it had; later migrations may add columns
        foreach (var (table, contents) in before)
            Assert.True(after.TryGetValue(table, out var now) && now == contents, $"{file}: {table} had {contents}, now {(after.TryGetValue(table, out var n) ? n : "missing")}");

        var fresh = Path.Combine(_directory, "fresh-" + file);
        await using (var db = Open(file, fresh))
            await DatabaseMigrator.MigrateAsync(db, markerTable, NullLogger.Instance, CancellationToken.None);
        Assert.Equal(Schema(fresh), Schema(old));

        await using (var again = Open(file, old))                // a second start changes nothing
        {
            await DatabaseMigrator.MigrateAsync(again, markerTable, NullLogger.Instance, CancellationToken.None);
            Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        }
        Assert.Equal(after, Contents(old, Columns(Path.Combine(AppContext.BaseDirectory, Fixtures, file))));
    }

    [Fact]
    public async Task An_upgraded_inventory_shows_the_notes_it_had_in_their_English_and_keeps_the_words_of_a_new_one()
    {
        var old = Path.Combine(_directory, "inventory.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, Fixtures, "inventory.db"), old);
        Guid assetId;
        await using (var db = (Inventory.Data.InventoryDbContext)Open("inventory.db", old))
        {
            await DatabaseMigrator.MigrateAsync(db, "outbox_messages", NullLogger.Instance, CancellationToken.None);
            var notes = await db.AssetNotes.AsNoTracking().ToListAsync();
            Assert.True(notes.Count >= 5, $"the fixture has only {notes.Count} asset notes");
            Assert.All(notes, n => Assert.Equal((null, false), (n.DetailWords, string.IsNullOrEmpty(n.Detail))));
            assetId = notes[0].AssetId;
            db.AssetNotes.Add(new Inventory.Domain.AssetNote(assetId, DateTime.UtcNow, "maintenance", "StatusChanged",
                Equipment.BuildingBlocks.Contracts.Words.Say("OutOfService: {0}", "Lens {0} cracked")));
            await db.SaveChangesAsync();
        }
        await using (var db = (Inventory.Data.InventoryDbContext)Open("inventory.db", old))
        {
            var kept = await db.AssetNotes.AsNoTracking().Where(n => n.AssetId == assetId && n.DetailPhrase != null).SingleAsync();
            Assert.Equal(("OutOfService: Lens {0} cracked", "OutOfService: {0}"), (kept.Detail, kept.DetailWords!.Phrase));
            Assert.Equal(["Lens {0} cracked"], kept.DetailWords.Facts);
        }
    }

    private static DbContext Open(string file, string path)
    {
        var connection = $"Data Source={path}";
        return file switch
        {
            "procurement.db" => new Procurement.Data.ProcurementSqliteDbContext(Options<Procurement.Data.ProcurementSqliteDbContext>(connection)),
            "inventory.db" => new Inventory.Data.InventorySqliteDbContext(Options<Inventory.Data.InventorySqliteDbContext>(connection)),
            "maintenance.db" => new Maintenance.Data.MaintenanceSqliteDbContext(Options<Maintenance.Data.MaintenanceSqliteDbContext>(connection)),
            "donor-reporting.db" => new DonorReporting.Data.ReportingSqliteDbContext(Options<DonorReporting.Data.ReportingSqliteDbContext>(connection)),
            "sidecar.db" => new DevSidecar.SidecarDbContext(Options<DevSidecar.SidecarDbContext>(connection)),
            _ => throw new ArgumentOutOfRangeException(nameof(file)),
        };
    }

    private static DbContextOptions<T> Options<T>(string connection) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite(connection).Options;

    /// <summary>Each table's row count and a hash of every value of every row, in rowid order.</summary>
    /// <summary>Each table's columns, in order.</summary>
    private static Dictionary<string, HashSet<string>> Columns(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var table in Names(connection, "table"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" LIMIT 0";
            using var reader = command.ExecuteReader();
            result[table] = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet();
        }
        return result;
    }

    private static Dictionary<string, (long Rows, string Hash)> Contents(string path, Dictionary<string, HashSet<string>>? only = null)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var result = new Dictionary<string, (long, string)>();
        foreach (var table in Names(connection, "table").Where(t => !t.StartsWith("__EFMigrations", StringComparison.Ordinal)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    if (only is null || (only.TryGetValue(table, out var kept) && kept.Contains(reader.GetName(i))))
                    hash.AppendData(Encoding.UTF8.GetBytes($"{reader.GetName(i)}={(reader.IsDBNull(i) ? "\0null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))};"));
            }
            result[table] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }
        return result;
    }

    /// <summary>The tables' and indexes' definitions, as SQLite keeps them.</summary>
    private static List<string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var schema = new List<string>();
        while (reader.Read()) schema.Add(string.Join(' ', reader.GetString(0).Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        return schema;
    }

    private static List<string> Names(SqliteConnection connection, string type)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = '{type}' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }
}
