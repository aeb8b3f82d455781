using System.Globalization;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using Microsoft.AspNetCore.Http.Features;
using SpreadCheetah;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>
/// The grant report as an Excel workbook: Summary (budget, funnel, lead time, availability, coverage), Crossing points,
/// Indicators, and Assets. The figures come from the summary's queries; the asset rows are streamed from the database
/// and written by SpreadCheetah straight into the response, a row at a time, so the workbook is never held whole, in
/// memory or on disk. (The Open XML SDK's package held each sheet uncompressed in memory until the file was closed.)
/// </summary>
public static class ExportGrantXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/report.xlsx", async (Guid grantId, HttpContext context, ReportingDbContext db, CurrentUser user, TimeProvider clock) =>
            {
                var ct = context.RequestAborted;
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                var figures = await GrantSummary.FiguresAsync(db, grant, clock.GetUtcNow().UtcDateTime, ct);
                context.Response.ContentType = ContentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.Name(grant.Reference)}-report.xlsx\"";
                // System.IO.Compression writes each entry's 16-byte data descriptor synchronously when the entry closes;
                // Kestrel refuses synchronous writes unless the request allows them. Everything else is written async.
                context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
                await using var workbook = await Spreadsheet.CreateNewAsync(context.Response.Body, cancellationToken: ct);
                await AddSheetAsync(workbook, "Summary", SummaryRows(grant, figures).ToAsyncEnumerable(), ct);
                await AddSheetAsync(workbook, "Crossing points", CrossingPointRows(figures).ToAsyncEnumerable(), ct);
                await AddSheetAsync(workbook, "Indicators", IndicatorRows(figures).ToAsyncEnumerable(), ct);
                await AddSheetAsync(workbook, "Assets", AssetRows(db, grant, ct), ct);
                await workbook.FinishAsync(ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .WithName("ExportGrantXlsx");

    private static IEnumerable<object?[]> SummaryRows(Grant grant, GrantFigures f)
    {
        yield return ["Grant", grant.Reference];
        yield return ["Title", grant.Title];
        yield return ["Donor", grant.DonorCode];
        yield return ["Instrument", grant.Instrument.ToString()];
        yield return ["Implementing partner", grant.ImplementingPartner];
        yield return ["Period", $"{grant.StartDate:yyyy-MM-dd} – {grant.EndDate:yyyy-MM-dd}"];
        yield return ["Agreement version", grant.Version];
        yield return ["Currency", f.Budget.Currency];
        yield return ["Budget", f.Budget.Amount];
        yield return ["Committed", f.Budget.Committed];
        yield return ["Contracted", f.Budget.Contracted];
        yield return ["Delivered", f.Budget.Delivered];
        yield return ["Disbursed", f.Budget.Disbursed];
        yield return ["Units tendered", f.Funnel.Tendered];
        yield return ["Units contracted", f.Funnel.Contracted];
        yield return ["Units delivered", f.Funnel.Delivered];
        yield return ["Units handed over", f.Funnel.HandedOver];
        yield return ["Units deployed", f.Funnel.Deployed];
        yield return ["Units operational", f.Funnel.Operational];
        yield return ["Lead time, tender to deployment: assets", f.LeadTime.Assets];
        yield return ["Lead time: median days", f.LeadTime.MedianDays];
        yield return ["Lead time: 90th percentile days", f.LeadTime.P90Days];
        yield return [$"Availability {f.AvailabilityFrom:yyyy-MM-dd} – {f.AvailabilityTo:yyyy-MM-dd}", f.Availability];
        yield return ["Verification visits recorded", f.Verification.VisitsRecorded];
        yield return ["Deployed assets verified", f.Verification.Verified];
        yield return ["Verification coverage", f.Verification.Coverage];
        yield return ["Hours of use logged", f.Upkeep.UsageHours];
        yield return ["Kilometres logged", f.Upkeep.UsageKm];
        yield return ["Patrols logged", f.Upkeep.Patrols];
        yield return ["Work orders completed", f.Upkeep.WorkOrdersCompleted];
        yield return ["Deployments away from the contract's destination", f.DeviationCount];
        yield return ["Maintenance parts cost", f.Upkeep.PartsCost];
        yield return ["Maintenance labour hours", f.Upkeep.LabourHours];
    }

    private static IEnumerable<object?[]> CrossingPointRows(GrantFigures f)
    {
        yield return ["code", "name", "country", "neighbour", "authority", "tendered", "contracted", "delivered", "handedOver", "deployed", "operational", "availability", "verified", "coverage"];
        foreach (var p in f.CrossingPoints)
            yield return [p.Code, p.Name, p.CountryCode, p.NeighbourCountryCode, p.Authority, p.Funnel.Tendered, p.Funnel.Contracted, p.Funnel.Delivered,
                p.Funnel.HandedOver, p.Funnel.Deployed, p.Funnel.Operational, p.Availability, p.Verification.Verified, p.Verification.Coverage];
    }

    private static IEnumerable<object?[]> IndicatorRows(GrantFigures f)
    {
        yield return ["code", "title", "source", "measure", "baseline", "baselineYear", "target", "targetYear", "actual"];
        foreach (var i in f.Indicators)
            yield return [i.Code, i.Title, i.Source.ToString(), i.Measure.ToString(), i.Baseline, i.BaselineYear, i.Target, i.TargetYear, i.Actual];
    }

    /// <summary>The asset rows, streamed from the database as the CSV streams them.</summary>
    private static async IAsyncEnumerable<object?[]> AssetRows(ReportingDbContext db, Grant grant,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return GrantAssetRow.Headers;
        await foreach (var r in GrantAssetRows.StreamAsync(db, grant, cancellationToken))
            yield return [r.SerialNumber, r.ItemCategory, r.Description, r.UnitValue, r.Currency, r.ContractReference, r.Supplier, r.DestinationCrossingPoint,
                r.ReceivedOn, r.HandedOverOn, r.HandedOverTo, r.CrossingPoint, r.FirstDeployedOn, r.Disposal, r.MaintenanceStatus, r.LastVerifiedOn, r.LastFinding, r.DeviationReason];
    }

    private static async Task AddSheetAsync(Spreadsheet workbook, string name, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await workbook.StartWorksheetAsync(name, null, ct);
        await foreach (var row in rows.WithCancellation(ct))
            await workbook.AddRowAsync(Array.ConvertAll(row, CellOf), ct);
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell(),
        decimal d => new Cell(d),
        double d => new Cell(d),
        int i => new Cell(i),
        DateOnly d => new Cell(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => new Cell(value.ToString() ?? ""),
    };
}
