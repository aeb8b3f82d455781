using System.Globalization;
using Equipment.BuildingBlocks;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Assets;

/// <summary>
/// The asset register as CSV, with the same filters as the list, streamed: one forward-only query read row by row
/// (no OFFSET batches, which re-sort the table for every batch), flushed every 1,000 rows.
/// </summary>
public static class ExportAssets
{
    private const int Batch = 1000;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assets/export.csv", async (Guid? grantId, Guid? contractId, string? crossingPointCode, AssetStatus? status, string? category, string? serial,
                HttpContext context, InventoryDbContext db, CurrentUser user, TimeProvider clock) =>
            {
                var filter = new ListAssets.Filter(grantId, contractId, crossingPointCode, status, category, serial, "serialNumber");
                var query = ListAssets.Filtered(db.Assets.AsNoTracking(), user.DonorScope, filter);
                context.Response.ContentType = "text/csv; charset=utf-8";
                context.Response.Headers.ContentDisposition = "attachment; filename=\"assets.csv\"";
                await using var writer = new StreamWriter(context.Response.Body);
                await writer.WriteLineAsync("serialNumber,manufacturer,model,itemCategory,description,grantId,contractReference,supplier,unitValue,currency,receivedOn,acceptedOn,warrantyEndsOn,visibilityMarking,status,owner,location,deployedOn");
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var rows = 0;
                await foreach (var a in query.AsAsyncEnumerable().WithCancellation(context.RequestAborted))
                {
                    await writer.WriteLineAsync(string.Join(',', new[]
                    {
                        a.SerialNumber, a.Manufacturer, a.Model, a.ItemCategory, a.Description, a.GrantId.ToString(), a.ContractReference, a.SupplierName,
                        a.UnitValue.ToString(CultureInfo.InvariantCulture), a.Currency, D(a.ReceivedOn), D(a.AcceptanceOn(today)), D(a.WarrantyEndsOn(today)),
                        a.VisibilityMarking ? "true" : "false", a.Status.ToString(), a.Owner, a.Location, D(a.DeployedOn),
                    }.Select(Csv.Escape)));
                    if (++rows % Batch == 0) await writer.FlushAsync(context.RequestAborted);
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("ExportAssets");

    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";
}
