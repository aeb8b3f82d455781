using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>
/// Bulk import of received serial numbers for a large delivery: <c>POST /shipments/{id}/receipts/import?receivedOn=</c>
/// with a CSV body (<c>contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence</c>).
/// The job runs in the background: every row is checked first, with an error report naming line and field; then the
/// goods received note is written all at once, or nothing is. <c>GET /imports/{id}</c> shows progress and the result.
/// </summary>
public static class ImportReceipts
{
    public static readonly string[] Columns = ["contractLineNumber", "serialNumber", "manufacturer", "model", "visibilityMarking", "visibilityEvidence"];
    private const int MaxBytes = 20 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/shipments/{shipmentId:guid}/receipts/import", async (Guid shipmentId, DateOnly? receivedOn, HttpRequest request,
                InventoryDbContext db, ImportQueue queue, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (receivedOn is null)
                    throw new RuleViolationException("receivedOn", "NotEmpty", "Give the receipt date as ?receivedOn=YYYY-MM-DD.");
                if (!await db.Shipments.AnyAsync(s => s.Id == shipmentId, ct)) throw new NotFoundException($"No shipment {shipmentId}.");
                if (request.ContentLength > MaxBytes)
                    throw new RuleViolationException("body", "MaximumSize", $"An import is at most {MaxBytes / 1024 / 1024} MB.");
                using var reader = new StreamReader(request.Body);
                var csv = await reader.ReadToEndAsync(ct);
                if (string.IsNullOrWhiteSpace(csv)) throw new RuleViolationException("body", "NotEmpty", "The CSV body is empty.");
                // Refused before it is stored: a NUL cannot even be kept in PostgreSQL, and no cell may break a later export.
                for (var i = 0; i < csv.Length; i++)
                    if (InputGuard.IsRefused(csv[i]))
                        throw new RuleViolationException("body", "NoControlCharacters",
                            $"Line {csv.AsSpan(0, i).Count('\n') + 1} holds a control character (U+{(int)csv[i]:X4}): no cell may.");

                var job = new ImportJob(shipmentId, receivedOn.Value, csv, user.Name, clock.GetUtcNow().UtcDateTime);
                db.ImportJobs.Add(job);
                await db.SaveChangesAsync(ct);
                await queue.EnqueueAsync(job.Id, ct);
                return Results.Accepted($"/api/inventory/imports/{job.Id}", ImportResponse.From(job));
            })
            .Accepts<string>("text/csv")
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer))
            .WithName("ImportReceipts");

        api.MapGet("/imports/{importId:guid}", async (Guid importId, InventoryDbContext db, CancellationToken ct) =>
                ImportResponse.From(await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == importId, ct) ?? throw new NotFoundException($"No import {importId}.")))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator))
            .WithName("GetImport");
    }

    /// <summary>Reads and checks every row; returns the receipt lines, or the errors (line numbers count the header as 1).</summary>
    public static (IReadOnlyList<ReceiptInput> Lines, IReadOnlyList<ImportError> Errors) Parse(string csv, Action<int, int> progress)
    {
        var rows = Csv.Parse(csv);
        var errors = new List<ImportError>();
        if (rows.Count == 0 || !rows[0].Select(h => h.Trim()).Take(Columns.Length).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
            return ([], [new ImportError(1, "header", $"The first line must be the header {string.Join(",", Columns)}.")]);

        var units = new List<(int Line, int ContractLine, ReceivedUnit Unit)>();
        var seen = new Dictionary<(string, string, string), int>();
        for (var i = 1; i < rows.Count; i++)
        {
            var line = i + 1;
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(int index) => index < row.Count ? row[index].Trim() : "";
            if (!int.TryParse(Cell(0), out var contractLine) || contractLine < 1)
                errors.Add(new ImportError(line, "contractLineNumber", $"'{Cell(0)}' is not a contract line number."));
            foreach (var (index, name) in new[] { (1, "serialNumber"), (2, "manufacturer"), (3, "model") })
                if (Cell(index).Length is 0 or > 100) errors.Add(new ImportError(line, name, $"{name} is required (at most 100 characters)."));
            if (!bool.TryParse(Cell(4), out var marked))
                errors.Add(new ImportError(line, "visibilityMarking", $"'{Cell(4)}' is not true or false."));
            else if (marked && Cell(5).Length == 0)
                errors.Add(new ImportError(line, "visibilityEvidence", "A visibility marking is recorded with its evidence."));
            var key = (Cell(2), Cell(3), Cell(1));
            if (Cell(1).Length > 0 && seen.TryGetValue(key, out var first))
                errors.Add(new ImportError(line, "serialNumber", $"Serial number '{Cell(1)}' of {Cell(2)} {Cell(3)} is already on line {first}."));
            else seen[key] = line;
            units.Add((line, contractLine, new ReceivedUnit(Cell(1), Cell(2), Cell(3), marked, Cell(5).Length == 0 ? null : Cell(5))));
            if (i % 500 == 0) progress(i, rows.Count - 1);
        }
        progress(rows.Count - 1, rows.Count - 1);
        if (units.Count == 0 && errors.Count == 0) errors.Add(new ImportError(2, "serialNumber", "The file holds no units."));
        return errors.Count > 0
            ? ([], errors)
            : (units.GroupBy(u => u.ContractLine).Select(g => new ReceiptInput(g.Key, g.Select(u => u.Unit).ToList(), 0, null)).ToList(), []);
    }
}

/// <summary>
/// Wakes this instance's <see cref="ImportWorker"/> when it accepted an import. The jobs themselves wait in the database
/// (<c>ImportJobs</c>, status Queued), so an import accepted by one instance is run by whichever claims it first.
/// </summary>
public sealed class ImportQueue
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already woken */ }
        }
        return ValueTask.CompletedTask;
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Runs the imports one at a time, oldest first, on whichever instance claims them: a conditional UPDATE takes a Queued
/// job (or a Running one whose instance's lease ran out: it died) for this instance, and the lease is renewed as the
/// job progresses. The claim columns are concurrency tokens, so an instance that lost its lease cannot write the receipt
/// after the one that took over.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, Microsoft.Extensions.Options.IOptions<InventoryOptions> options,
    ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private InventoryOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                logger.LogError(e, "Import worker failed on the database; retrying after {Delay}", Options.ImportPollInterval);
                ran = false;
            }
            if (ran) continue;
            try { await queue.WaitAsync(Options.ImportPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Claims the oldest waiting import and runs it; false when there was none to claim.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        Guid jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var candidate = await Claimable(db.ImportJobs, now).OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id) return false;
            var until = now + Options.ImportClaimDuration;
            var claimed = await Claimable(db.ImportJobs, now).Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, ImportStatus.Running)
                    .SetProperty(j => j.ClaimedBy, _owner)
                    .SetProperty(j => j.ClaimedUntil, until), cancellationToken);
            if (claimed == 0) return true;                              // another instance took it first: look again
            jobId = id;
        }

        try
        {
            await RunAsync(jobId, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Import {ImportId} was taken over by another instance after this one's lease ran out; nothing written here", jobId);
        }
        return true;
    }

    /// <summary>Waiting, or running on an instance whose lease ran out (it stopped or died).</summary>
    private static IQueryable<ImportJob> Claimable(IQueryable<ImportJob> jobs, DateTime now) =>
        jobs.Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && (j.ClaimedUntil == null || j.ClaimedUntil <= now)));

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.ClaimedBy == _owner, cancellationToken);
        if (job is null) return;                                          // taken over meanwhile
        DateTime Lease() => clock.GetUtcNow().UtcDateTime + Options.ImportClaimDuration;
        job.Start(Math.Max(Csv.CountLines(job.Csv) - 1, 0));
        job.Renew(Lease());
        await db.SaveChangesAsync(cancellationToken);

        var (lines, errors) = ImportReceipts.Parse(job.Csv, (done, _) =>
        {
            job.Progress(done);
            job.Renew(Lease());
            db.SaveChanges();
        });
        if (errors.Count > 0)
        {
            job.Fail(errors.Take(1000).ToList(), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Import {ImportId} refused: {Errors} errors", jobId, errors.Count);
            return;
        }

        try
        {
            var recorder = scope.ServiceProvider.GetRequiredService<ReceiptRecorder>();
            await using var receiving = await ExclusiveWrite.EnterAsync(db, ReceiptRecorder.ExclusiveKey, cancellationToken);
            var (note, assets) = await recorder.RecordAsync(job.ShipmentId, job.ReceivedOn, lines, job.RequestedBy, cancellationToken);
            job.Complete(note.Id, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);               // the receipt and the job's completion, at once
            await receiving.CommitAsync(cancellationToken);
            logger.LogInformation("Import {ImportId} registered {Assets} assets under {Note}", jobId, assets.Count, note.Number);
        }
        catch (Exception e) when (e is ConflictException or RuleViolationException or StateConflictException or NotFoundException)
        {
            db.ChangeTracker.Clear();                                     // nothing of the receipt is written
            var failed = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.ClaimedBy == _owner, cancellationToken);
            if (failed is null) return;
            failed.Fail([new ImportError(0, e is RuleViolationException r ? r.Field : "file", e.Message)], clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Import {ImportId} refused: {Reason}", jobId, e.Message);
        }
    }
}
