using System.Globalization;
using Equipment.ApiClient;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal;

/// <summary>
/// One sampled asset of a verification visit, posted from its own form on the visit page (a multipart form: the answers, the
/// position and the photos taken on the phone): the finding is saved at once, then each photo is attached to it, so that a
/// lost connection loses at most the asset being recorded. A refusal comes back to that asset's form with what it held.
/// </summary>
public static class VisitFindings
{
    public static void Map(WebApplication app) =>
        app.MapPost("/donor/visits/{visitId:guid}/findings/{assetId:guid}", async (Guid visitId, Guid assetId, HttpContext context, IHttpClientFactory clients,
                IStringLocalizer<EvidenceAnswers> T) =>
            {
                if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
                    return Results.BadRequest();
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var back = $"/donor/visits/{visitId}#asset-{assetId}";
                var kept = form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString());
                var serial = form["serial"].ToString();
                var errors = new Dictionary<string, string>();
                IResult Refused(string message)
                {
                    // the asset's form comes back with what it held, and each refusal beside its field ("error:<field>")
                    foreach (var (field, error) in errors) kept["error:" + field] = error;
                    Flash.Set(context, new FlashMessage(message, Problem: true, KeptFor: assetId.ToString(), Kept: kept));
                    return Results.Redirect(back);
                }

                Finding? finding = Enum.TryParse<Finding>(form["finding"], out var f) && Enum.IsDefined(f) ? f : null;
                if (finding is null) errors["finding"] = T["Say what you found."];
                bool? signs = YesNo(form["signsOfUse"]), marking = YesNo(form["visibilityMarking"]);
                if (signs is null) errors["signsOfUse"] = T["Say whether it shows signs of use."];
                if (marking is null) errors["visibilityMarking"] = T["Say whether the EU visibility marking is there."];
                var (latitude, latitudeOk) = Number(form["latitude"]);
                var (longitude, longitudeOk) = Number(form["longitude"]);
                if (!latitudeOk) errors["latitude"] = T["Write the position as decimal degrees, e.g. 33.1501 and 11.5602."];
                if (!longitudeOk) errors["longitude"] = T["Write the position as decimal degrees, e.g. 33.1501 and 11.5602."];
                if (errors.Count > 0) return Refused(T["{0} not saved: {1}", serial, string.Join(" ", errors.Values.Distinct())]);
                var photos = form.Files.GetFiles("photo").Where(p => p.Length > 0).ToList();
                if (photos.Any(p => p.Length > EvidenceUploads.MaxBytes)) return Refused(T["Not saved: a photo is at most 10 MB."]);

                var api = PortalApi.ForRequest(context, clients);
                var note = form["note"].ToString();
                try
                {
                    await api.Reporting.SaveFindingAsync(visitId, assetId, new SaveFindingRequest(finding, signs, marking, latitude, longitude, DateTime.UtcNow,
                        string.IsNullOrWhiteSpace(note) ? null : note), context.RequestAborted);
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    var problem = Problem.From(e);
                    foreach (var field in new[] { "finding", "signsOfUse", "visibilityMarking", "latitude", "longitude", "note", "observedAt" })
                        if (problem.Names(field)) errors[field] = string.Join(" ", problem.For(field));
                    return Refused(T["{0} not saved: {1}", serial, problem.Summary()]);
                }
                foreach (var photo in photos)
                {
                    try
                    {
                        await EvidenceUploads.AttachAsync(api, "finding", visitId, assetId, photo, "", context.RequestAborted);
                    }
                    catch (Exception e) when (e is ApiException or HttpRequestException)
                    {
                        // the finding is saved; only the photo is missing, and the monitor can add it from the same form
                        Flash.Set(context, new FlashMessage(T["{0} saved, but the photo {1} was not: {2}", serial, photo.FileName, EvidenceUploads.Refusal(e, T)], Problem: true));
                        return Results.Redirect(back);
                    }
                }
                Flash.Set(context, new FlashMessage(photos.Count == 0 ? T["{0} saved.", serial] : T["{0} saved with {1}.", serial, Plural.Of(photos.Count, "photo")]));
                return Results.Redirect(back);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.DonorMonitor, Roles.Administrator))
            .WithMetadata(new RequireAntiforgeryTokenAttribute(true), new RequestSizeLimitAttribute(4 * EvidenceUploads.MaxBytes + 256 * 1024));

    private static bool? YesNo(string? value) => value switch { "true" => true, "false" => false, _ => null };

    /// <summary>A decimal number typed with a point or a comma ("33.15", "33,15"); empty is none.</summary>
    private static (double? Value, bool Ok) Number(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, true);
        return double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (value, true) : (null, false);
    }
}
