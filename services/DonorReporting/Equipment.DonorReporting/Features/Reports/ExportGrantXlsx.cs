using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>
/// The grant report as an Excel workbook: Summary (budget, funnel, lead time, availability, coverage), Crossing points,
/// Indicators, and Assets. The figures come from the summary's queries and the asset rows are streamed from the database. Rows are written with OpenXmlWriter into a temporary file, then sent: the workbook is a zip
/// and needs a seekable stream, but it is never held in memory whole.
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
                await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                using (var workbook = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
                {
                    var book = workbook.AddWorkbookPart();
                    book.Workbook = new Workbook(new Sheets());
                    await AddSheetAsync(book, "Summary", SummaryRows(grant, figures).ToAsyncEnumerable());
                    await AddSheetAsync(book, "Crossing points", CrossingPointRows(figures).ToAsyncEnumerable());
                    await AddSheetAsync(book, "Indicators", IndicatorRows(figures).ToAsyncEnumerable());
                    await AddSheetAsync(book, "Assets", AssetRows(db, grant, ct));
                    book.Workbook.Save();
                }
                file.Position = 0;
                context.Response.ContentType = ContentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.Name(grant.Reference)}-report.xlsx\"";
                context.Response.ContentLength = file.Length;
                await file.CopyToAsync(context.Response.Body, ct);
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

    private static async Task AddSheetAsync(WorkbookPart book, string name, IAsyncEnumerable<object?[]> rows)
    {
        var part = book.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            await foreach (var row in rows)
            {
                writer.WriteStartElement(new Row());
                foreach (var value in row) writer.WriteElement(CellOf(value));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        var sheets = book.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell(),
        decimal d => Number(ReportFiles.Number(d)),
        double d => Number(d.ToString("R", CultureInfo.InvariantCulture)),
        int i => Number(i.ToString(CultureInfo.InvariantCulture)),
        DateOnly d => Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? ""),
    };

    private static Cell Number(string value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Text(string value) => new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString };
}
