using Equipment.ApiClient;
using Equipment.Portal.Components.Shared;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal;

/// <summary>
/// The CSV goods receipt: the browser posts the file (a plain multipart form with its antiforgery token), the portal
/// keeps it for the user (<see cref="KeptUploads"/>), hands it to inventory with the user's token and shows the import's
/// page, which follows its progress. A refused file stays kept: the page that says why offers it back, to correct in the
/// page and send again (<c>use=kept</c>, with the corrected text in <c>csv</c>), or another file to choose (<c>use=file</c>).
/// </summary>
public static class ReceiptImports
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static void Map(WebApplication app) =>
        app.MapPost("/logistics/shipments/{shipmentId:guid}/import", async (Guid shipmentId, IFormFile? file, [FromForm] DateOnly? receivedOn, [FromForm] string? use,
                [FromForm] string? kept, [FromForm] string? csv, HttpContext context, IHttpClientFactory clients, KeptUploads uploads, IStringLocalizer<ReceiptImportForm> T) =>
            {
                var user = context.User.Identity?.Name ?? "";
                IResult Back(string message, KeptUpload? keep)
                {
                    Flash.Set(context, new FlashMessage(message, Problem: true, KeptFor: ReceiptImportForm.FormName,
                        Kept: keep is null ? null : new Dictionary<string, string> { ["file"] = keep.Key }));
                    return Results.Redirect($"/logistics/shipments/{shipmentId}");
                }

                var previous = uploads.Find(user, kept);
                string name, text;
                if (use == "kept" && previous is not null)
                {
                    name = previous.FileName;
                    text = previous.Editable && csv is not null ? csv.ReplaceLineEndings("\n") : previous.Text;        // as corrected in the page
                }
                else if (use == "kept")
                    return Back(T["The file you sent before is no longer kept (it is kept for 30 minutes, and not across a restart of the portal): choose it again."], null);
                else if (file is null || file.Length == 0)
                    return Back(T["Choose the CSV file to import."], previous);
                else if (file.Length > MaxBytes)
                    return Back(T["An import is at most 20 MB."], previous);
                else
                {
                    name = Path.GetFileName(file.FileName);
                    using var reader = new StreamReader(file.OpenReadStream());
                    text = await reader.ReadToEndAsync(context.RequestAborted);
                }
                var keeping = uploads.Keep(user, previous?.Key, name, text, shipmentId, receivedOn ?? previous?.ReceivedOn ?? DateOnly.FromDateTime(DateTime.UtcNow));
                if (receivedOn is null) return Back(T["Give the day the goods were received."], keeping);

                using var body = new StringContent(text, System.Text.Encoding.UTF8, "text/csv");
                try
                {
                    var job = await PortalApi.ForRequest(context, clients).Inventory.ImportReceiptsAsync(shipmentId, receivedOn.Value, body, context.RequestAborted);
                    uploads.SentAs(user, keeping.Key, job.Id);
                    return Results.Redirect($"/logistics/imports/{job.Id}");
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    return Back(Problem.From(e).Message, keeping);
                }
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.LogisticsOfficer))
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 64 * 1024));
}
