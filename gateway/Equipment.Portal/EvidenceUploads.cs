using System.Text.Json;
using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal;

/// <summary>
/// The evidence of a record (a goods received note, a handover certificate, a disposal, a work order, a verification finding):
/// the browser posts a file (a plain multipart form with its antiforgery token), the portal hands it to the service that
/// owns the record with the user's token (the typed clients) and returns to the page (303), which says once what happened.
/// <c>GET /evidence/{service}/{attachmentId}</c> passes a stored file through, with the user's token, for downloads and images.
/// </summary>
public static class EvidenceUploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The kinds of record that keep evidence, and the service that keeps them.</summary>
    public static string Service(string kind) => kind switch
    {
        "goods-received-note" or "handover" or "disposal" => "inventory",
        "work-order" => "maintenance",
        "finding" => "reporting",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such kind of record."),
    };

    public static void Map(WebApplication app)
    {
        app.MapPost("/evidence/{kind}/{recordId:guid}/{assetId:guid?}", async (string kind, Guid recordId, Guid? assetId, IFormFile? file,
                [FromForm] string? subjectId, [FromForm] string? returnTo, [FromForm] string? submissionKey, HttpContext context, IHttpClientFactory clients,
                SubmittedForms submissions, IStringLocalizer<EvidenceAnswers> T) =>
            {
                var back = Local(returnTo);
                if (!Kinds.Contains(kind) || (kind == "finding") != (assetId is not null)) return Results.NotFound();
                if (file is null || file.Length == 0) return Back(context, back, T["Not attached: choose the file first."]);
                if (file.Length > MaxBytes) return Back(context, back, T["Not attached: a file is at most 10 MB."]);
                async Task<(Submitted?, Problem?)> AttachOnceAsync()
                {
                    try
                    {
                        await AttachAsync(PortalApi.ForRequest(context, clients), kind, recordId, assetId, file, subjectId ?? "", context.RequestAborted);
                        return (new Submitted(back, new FlashMessage(T["{0} attached.", file.FileName])), null);
                    }
                    catch (Exception e) when (e is ApiException or HttpRequestException)
                    {
                        return (null, new Problem { Message = Refusal(e, T) });
                    }
                }

                // The form's rendered key: a double click attaches the file once, and both posts say so.
                var (done, refusal) = await submissions.RunAsync(context.User, submissionKey, AttachOnceAsync);
                if (done is null) return Back(context, back, refusal!.Message);
                Flash.Set(context, done.Message);
                return Results.Redirect(back);
            })
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes + 256 * 1024));

        app.MapPost("/evidence/{kind}/{recordId:guid}/{assetId:guid?}/removal", async (string kind, Guid recordId, Guid? assetId, [FromForm] Guid? attachmentId,
                [FromForm] string? fileName, [FromForm] string? returnTo, HttpContext context, IHttpClientFactory clients, IStringLocalizer<EvidenceAnswers> T) =>
            {
                var back = Local(returnTo);
                if (!Kinds.Contains(kind) || kind == "disposal" || attachmentId is null || (kind == "finding") != (assetId is not null)) return Results.NotFound();
                try
                {
                    var api = PortalApi.ForRequest(context, clients);
                    var ct = context.RequestAborted;
                    await (kind switch
                    {
                        "goods-received-note" => api.Inventory.RemoveGoodsReceivedEvidenceAsync(recordId, attachmentId.Value, ct),
                        "handover" => api.Inventory.RemoveHandoverEvidenceAsync(recordId, attachmentId.Value, ct),
                        "work-order" => api.Maintenance.RemoveWorkOrderEvidenceAsync(recordId, attachmentId.Value, ct),
                        _ => api.Reporting.RemoveFindingEvidenceAsync(recordId, assetId!.Value, attachmentId.Value, ct),
                    });
                    Flash.Set(context, new FlashMessage(T["{0} removed.", fileName ?? ""]));
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    return Back(context, back, Refusal(e, T));
                }
                return Results.Redirect(back);
            })
            .RequireAuthorization();

        app.MapGet("/evidence/{service}/{attachmentId:guid}", async (string service, Guid attachmentId, HttpContext context, IHttpClientFactory clients) =>
            {
                var api = PortalApi.ForRequest(context, clients);
                var ct = context.RequestAborted;
                using var response = service switch
                {
                    "inventory" => await api.Inventory.DownloadAttachmentAsync(attachmentId, ct),
                    "maintenance" => await api.Maintenance.DownloadAttachmentAsync(attachmentId, ct),
                    "reporting" => await api.Reporting.DownloadAttachmentAsync(attachmentId, ct),
                    _ => null,
                };
                if (response is null || !response.IsSuccessStatusCode)
                {
                    context.Response.StatusCode = response is null ? StatusCodes.Status404NotFound : (int)response.StatusCode;
                    return;
                }
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
                if (response.Content.Headers.ContentDisposition is { } disposition) context.Response.Headers.ContentDisposition = disposition.ToString();
                context.Response.Headers.CacheControl = "private, max-age=300";
                await response.Content.CopyToAsync(context.Response.Body, ct);
            })
            .RequireAuthorization();
    }

    private static readonly HashSet<string> Kinds = ["goods-received-note", "handover", "disposal", "work-order", "finding"];

    /// <summary>Sends one file to the service that keeps the record's evidence.</summary>
    public static async Task AttachAsync(EquipmentApi api, string kind, Guid recordId, Guid? assetId, IFormFile file, string subjectId, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var part = new Refit.StreamPart(stream, file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType);
        await (kind switch
        {
            "goods-received-note" => api.Inventory.AttachGoodsReceivedEvidenceAsync(recordId, part, subjectId, ct),
            "handover" => api.Inventory.AttachHandoverEvidenceAsync(recordId, part, subjectId, ct),
            "disposal" => api.Inventory.AttachDisposalEvidenceAsync(recordId, part, subjectId, ct),
            "work-order" => api.Maintenance.AttachWorkOrderEvidenceAsync(recordId, part, subjectId, ct),
            _ => api.Reporting.AttachFindingEvidenceAsync(recordId, assetId!.Value, part, subjectId, ct),
        });
    }

    /// <summary>A refusal of the evidence rules in the user's words (the service's own words for anything else).</summary>
    public static string Refusal(Exception e, IStringLocalizer<EvidenceAnswers> T)
    {
        if (e is ApiException api)
        {
            string? Read(Func<JsonElement, string?> read)
            {
                try { return read(api.Problem); } catch (Exception x) when (x is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException) { return null; }
            }
            var rule = Read(p => p.GetProperty("violations")[0].GetProperty("rule").GetString());
            var state = Read(p => p.GetProperty("currentState").GetString());
            switch (rule)
            {
                case "ContentType": return T["Not attached: a file must be a JPEG, PNG or WebP photo or a PDF document (judged by its content, not its name)."];
                case "MaxSize": return T["Not attached: a file is at most 10 MB."];
                case "NotEmpty": return T["Not attached: the file is empty."];
            }
            if (api.Status == System.Net.HttpStatusCode.Conflict && state is { Length: > 0 })
                return T["Not changed: the record is closed ({0}); its evidence is kept as it was.", T[state]];
        }
        return Problem.From(e).Summary();
    }

    private static IResult Back(HttpContext context, string back, string message)
    {
        Flash.Set(context, new FlashMessage(message, Problem: true));
        return Results.Redirect(back);
    }

    private static string Local(string? returnTo) =>
        returnTo is { Length: > 0 } && returnTo.StartsWith('/') && !returnTo.StartsWith("//") && !returnTo.StartsWith("/\\") ? returnTo : "/";
}

/// <summary>The type the answers of <see cref="EvidenceUploads"/> are translated for (<c>Resources/EvidenceAnswers.*.resx</c>).</summary>
public sealed class EvidenceAnswers;
