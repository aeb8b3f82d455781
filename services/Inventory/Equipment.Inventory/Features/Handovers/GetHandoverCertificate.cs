using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Handovers;

/// <summary>The handover certificate as JSON, or as a printable page with signature blocks for both parties.</summary>
public static class GetHandoverCertificate
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/handovers/{handoverId:guid}", (Guid handoverId, InventoryDbContext db, CurrentUser user, CancellationToken ct) => LoadAsync(db, handoverId, user.DonorScope, ct))
            .WithEntityTag<HandoverCertificate>("handoverId")
            .WithName("GetHandover");
        api.MapGet("/handovers/{handoverId:guid}/certificate.html", async (Guid handoverId, string? lang, HttpRequest request, InventoryDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var culture = DocumentLanguage.Choose(lang, request.Headers.AcceptLanguage.ToString());
                var certificate = await LoadAsync(db, handoverId, user.DonorScope, ct);
                return Results.Content(DocumentLanguage.In(culture, () => Html(certificate)), "text/html; charset=utf-8");
            })
            .WithName("GetHandoverCertificateHtml");
    }

    private static async Task<HandoverResponse> LoadAsync(InventoryDbContext db, Guid id, string? donorScope, CancellationToken ct)
    {
        var certificate = await db.HandoverCertificates.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id && (donorScope == null || h.DonorCode == donorScope), ct)
            ?? throw new NotFoundException($"No handover certificate {id}.");
        var assets = await db.Assets.AsNoTracking().Where(a => certificate.AssetIds.Contains(a.Id)).ToListAsync(ct);
        return HandoverResponse.From(certificate, assets);
    }

    private static readonly Lazy<Microsoft.Extensions.Localization.IStringLocalizer> Texts = new(() => DocumentLanguage.Texts(typeof(GetHandoverCertificate)));
    private static Microsoft.Extensions.Localization.IStringLocalizer T => Texts.Value;

    /// <summary>The procès-verbal de remise, printable, in the language of the request (<see cref="DocumentLanguage"/>), with signature blocks for both parties.</summary>
    public static string Html(HandoverResponse h)
    {
        var c = System.Globalization.CultureInfo.CurrentCulture;
        static string E(object? v) => DocumentLanguage.Html(v);
        var html = new StringBuilder($"""
            <!doctype html><html {DocumentLanguage.HtmlAttributes(c)}><head><meta charset="utf-8"><title>{E(T["Handover certificate {0}", h.Number])}</title>
            <style>body{"{"}font:13px/1.4 system-ui,sans-serif;margin:2rem{"}"} table{"{"}border-collapse:collapse;width:100%{"}"} th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:start{"}"}
            td.n{"{"}text-align:end{"}"} .sign{"{"}display:flex;gap:3rem;margin-top:3rem{"}"} .sign div{"{"}flex:1;border-top:1px solid #000;padding-top:.5rem{"}"}
            @media print{"{"}body{"{"}margin:1cm;font-size:10pt{"}"}{"}"}</style></head><body>
            <h1>{E(T["Handover certificate {0}", h.Number])}</h1>
            <p>{T["On {0} at {1}, {2} hands over to {3} the equipment below, financed by the European Union, which from this date belongs to {4}.",
                $"<strong>{E(h.HandedOverOn.ToString("D", c))}</strong>", E(h.Place), $"<strong>{E(h.FromParty)}</strong>", $"<strong>{E(h.ToAuthority)}</strong>", E(h.ToAuthority)]}</p>
            <table><thead><tr><th>#</th><th>{E(T["Item"])}</th><th>{E(T["Make and model"])}</th><th>{E(T["Serial number"])}</th><th>{E(T["Value"])}</th><th>{E(T["EU visibility"])}</th></tr></thead><tbody>
            """);
        var n = 0;
        foreach (var a in h.Assets)
            html.Append($"<tr><td>{++n}</td><td>{E(a.Description)}</td><td>{E(a.Manufacturer)} {E(a.Model)}</td><td>{E(a.SerialNumber)}</td><td class=\"n\">{a.UnitValue.ToString("N2", c)} {E(a.Currency)}</td><td>{E(a.VisibilityMarking ? T["yes"] : T["no"])}</td></tr>");
        html.Append($"""
            </tbody></table><p>{E(T["{0} items, total value {1} {2}.", h.Assets.Count, h.Assets.Sum(a => a.UnitValue).ToString("N2", c), h.Assets.FirstOrDefault()?.Currency ?? ""])}</p>
            <div class="sign"><div>{E(T["For {0}", h.FromParty])}<br>{E(h.FromRepresentativeName)}, {E(h.FromRepresentativeRole)}</div>
            <div>{E(T["For {0}", h.ToAuthority])}<br>{E(h.ToRepresentativeName)}, {E(h.ToRepresentativeRole)}</div></div></body></html>
            """);
        return html.ToString();
    }
}
