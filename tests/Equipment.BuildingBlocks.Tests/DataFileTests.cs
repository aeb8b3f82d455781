using Equipment.BuildingBlocks.Data;
using Microsoft.Data.Sqlite;

namespace Equipment.BuildingBlocks.Tests;

/// <summary>A service's SQLite file, and the files SQLite keeps beside it, are readable by their owner only (Unix).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "equipment-tests", Guid.NewGuid().ToString("N"), "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
    }

    [Fact]
    public void A_new_database_file_and_its_wal_are_created_owner_only()
    {
        var path = Path.Combine(_folder, "inventory.db");
        new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={path}").EnsureSqliteFolder();
        Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path));

        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);";
            command.ExecuteNonQuery();
            Assert.True(File.Exists(path + "-wal"));
            Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path + "-wal"));
            Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path + "-shm"));
        }
        Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_database_file_written_world_readable_before_is_narrowed_at_start()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "procurement.db");
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, DataFiles.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);   // 0644, as before
        DataFiles.PrepareSqlite($"Data Source={path}");
        Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(path));
    }
}
