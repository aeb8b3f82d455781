using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Portal;

/// <summary>
/// The CSV goods receipt: the browser posts the file (a plain multipart form with its antiforgery token), the portal
/// hands it to inventory with the user's token and shows the import's page, which follows its progress.
/// </summary>
public static class ReceiptImports
{
    private const long MaxBytes = 20 * 1024 * 1024;
    private static Microsoft.Extensions.Localization.IStringLocalizer T => PortalLanguages.Texts(typeof(ReceiptImports));

    public static void Map(WebApplication app) =>
        app.MapPost("/logistics/shipments/{shipmentId:guid}/import", async (Guid shipmentId, IFormFile? file, [FromForm] DateOnly? receivedOn,
                HttpContext context, IHttpClientFactory clients) =>
            {
                IResult Back(string message)
                {
                    Flash.Set(context, new FlashMessage(message, Problem: true));
                    return Results.Redirect($"/logistics/shipments/{shipmentId}");
                }
                if (file is null || file.Length == 0) return Back(T["Choose the CSV file to import."]);
                if (file.Length > MaxBytes) return Back(T["An import is at most 20 MB."]);
                if (receivedOn is null) return Back(T["Give the day the goods were received."]);
                using var reader = new StreamReader(file.OpenReadStream());
                using var csv = new StringContent(await reader.ReadToEndAsync(context.RequestAborted), System.Text.Encoding.UTF8, "text/csv");

                try
                {
                    var job = await PortalApi.ForRequest(context, clients).Inventory.ImportReceiptsAsync(shipmentId, receivedOn.Value, csv, context.RequestAborted);
                    return Results.Redirect($"/logistics/imports/{job.Id}");
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    return Back(Problem.From(e).Message);
                }
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.LogisticsOfficer))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 64 * 1024));
}
