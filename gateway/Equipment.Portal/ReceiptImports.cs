using Equipment.ApiClient;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Portal;

/// <summary>
/// The CSV goods receipt: the browser posts the file (a plain multipart form with its antiforgery token), the portal
/// hands it to inventory with the user's token and shows the import's page, which follows its progress.
/// </summary>
public static class ReceiptImports
{
    private const long MaxBytes = 20 * 1024 * 1024;

    public static void Map(WebApplication app) =>
        app.MapPost("/logistics/shipments/{shipmentId:guid}/import", async (Guid shipmentId, IFormFile? file, [FromForm] DateOnly? receivedOn,
                HttpContext context, IHttpClientFactory clients) =>
            {
                string Back(string message) => $"/logistics/shipments/{shipmentId}?importProblem={Uri.EscapeDataString(message)}";
                if (file is null || file.Length == 0) return Results.Redirect(Back("Choose the CSV file to import."));
                if (file.Length > MaxBytes) return Results.Redirect(Back("An import is at most 20 MB."));
                if (receivedOn is null) return Results.Redirect(Back("Give the day the goods were received."));
                using var reader = new StreamReader(file.OpenReadStream());
                using var csv = new StringContent(await reader.ReadToEndAsync(context.RequestAborted), System.Text.Encoding.UTF8, "text/csv");

                try
                {
                    var job = await PortalApi.ForRequest(context, clients).Inventory.ImportReceiptsAsync(shipmentId, receivedOn.Value, csv, context.RequestAborted);
                    return Results.Redirect($"/logistics/imports/{job.Id}");
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    return Results.Redirect(Back(Problem.From(e).Message));
                }
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.LogisticsOfficer))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 64 * 1024));
}
