using System.Threading.Channels;
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

/// <summary>Imports waiting to run, in order.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();
    public ValueTask EnqueueAsync(Guid jobId, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(jobId, cancellationToken);
    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Runs the imports one at a time. Jobs left queued or running by a stop are picked up again at start.</summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
            foreach (var id in await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running).OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stoppingToken))
                await queue.EnqueueAsync(id, stoppingToken);
        }
        try
        {
            await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
                await RunAsync(jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        job.Start(Math.Max(Csv.CountLines(job.Csv) - 1, 0));
        await db.SaveChangesAsync(cancellationToken);

        var (lines, errors) = ImportReceipts.Parse(job.Csv, (done, _) =>
        {
            job.Progress(done);
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
            var (note, assets) = await recorder.RecordAsync(job.ShipmentId, job.ReceivedOn, lines, job.RequestedBy, cancellationToken);
            job.Complete(note.Id, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Import {ImportId} registered {Assets} assets under {Note}", jobId, assets.Count, note.Number);
        }
        catch (Exception e) when (e is ConflictException or RuleViolationException or StateConflictException or NotFoundException)
        {
            db.ChangeTracker.Clear();                                     // nothing of the receipt is written
            var failed = await db.ImportJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            failed.Fail([new ImportError(0, e is RuleViolationException r ? r.Field : "file", e.Message)], clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Import {ImportId} refused: {Reason}", jobId, e.Message);
        }
    }
}
