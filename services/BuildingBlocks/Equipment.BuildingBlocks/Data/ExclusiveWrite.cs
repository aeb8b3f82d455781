using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Equipment.BuildingBlocks.Data;

/// <summary>
/// One writer at a time for a read-then-write that must not interleave, e.g. a document number made from the count of
/// the year's documents ("HC-2026-0007") or a check that a serial is not registered yet: two such requests at once would
/// otherwise both read the same state and the second would fail on a unique index (a 500) or write a duplicate.
/// Within a process a semaphore per key; on PostgreSQL, where several instances may share the database, also a
/// transaction-scoped advisory lock on the key, held until <see cref="Section.CommitAsync"/> or disposal (rollback).
/// SQLite databases have one process writing them.
/// </summary>
public static class ExclusiveWrite
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static async Task<Section> EnterAsync(DbContext db, string key, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd($"{db.GetType().FullName}:{key}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        IDbContextTransaction? transaction = null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
            }
            return new Section(gate, transaction);
        }
        catch
        {
            if (transaction is not null) await transaction.DisposeAsync();
            gate.Release();
            throw;
        }
    }

    public sealed class Section(SemaphoreSlim gate, IDbContextTransaction? transaction) : IAsyncDisposable
    {
        private bool _released;

        /// <summary>Commits what was saved inside the section (PostgreSQL) and lets the next writer in.</summary>
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            await DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_released) return;
            _released = true;
            if (transaction is not null) await transaction.DisposeAsync();
            gate.Release();
        }
    }
}
