using System.Globalization;
using Equipment.BuildingBlocks;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Features.Grants;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>The grant's equipment as CSV (RFC 4180, UTF-8): one row per asset, streamed and flushed every 1,000 rows.</summary>
public static class ExportGrantCsv
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/report.csv", async (Guid grantId, HttpContext context, ReportingDbContext db, CurrentUser user) =>
            {
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, context.RequestAborted);
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.Name(grant.Reference)}-assets.csv\"";
                await using var writer = new StreamWriter(context.Response.Body);
                await writer.WriteLineAsync(string.Join(',', GrantAssetRow.Headers));
                var rows = 0;
                await foreach (var r in GrantAssetRows.StreamAsync(db, grant, context.RequestAborted))
                {
                    await writer.WriteLineAsync(string.Join(',', new[]
                    {
                        r.SerialNumber, r.ItemCategory, r.Description, ReportFiles.Number(r.UnitValue), r.Currency, r.ContractReference,
                        r.Supplier, r.DestinationCrossingPoint, ReportFiles.Date(r.ReceivedOn), ReportFiles.Date(r.HandedOverOn), r.HandedOverTo, r.CrossingPoint,
                        ReportFiles.Date(r.FirstDeployedOn), r.Disposal, r.MaintenanceStatus, ReportFiles.Date(r.LastVerifiedOn), r.LastFinding, r.DeviationReason,
                    }.Select(Csv.Escape)));
                    if (++rows % 1000 == 0) await writer.FlushAsync(context.RequestAborted);
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExportGrantCsv");
}

public static class ReportFiles
{
    /// <summary>A file name from a grant reference: letters, digits, hyphens.</summary>
    public static string Name(string reference) => new(reference.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>A decimal as spreadsheets read it: invariant, no trailing zeros (37500, 37500.5).</summary>
    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
