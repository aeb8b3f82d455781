using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Domain;
using System.Net;
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
        api.MapGet("/handovers/{handoverId:guid}/certificate.html", async (Guid handoverId, InventoryDbContext db, CurrentUser user, CancellationToken ct) =>
                Results.Content(Html(await LoadAsync(db, handoverId, user.DonorScope, ct)), "text/html; charset=utf-8"))
            .WithName("GetHandoverCertificateHtml");
    }

    private static async Task<HandoverResponse> LoadAsync(InventoryDbContext db, Guid id, string? donorScope, CancellationToken ct)
    {
        var certificate = await db.HandoverCertificates.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id && (donorScope == null || h.DonorCode == donorScope), ct)
            ?? throw new NotFoundException($"No handover certificate {id}.");
        var assets = await db.Assets.AsNoTracking().Where(a => certificate.AssetIds.Contains(a.Id)).ToListAsync(ct);
        return HandoverResponse.From(certificate, assets);
    }

    public static string Html(HandoverResponse h)
    {
        static string E(object? v) => WebUtility.HtmlEncode(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var html = new StringBuilder($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Handover certificate {E(h.Number)}</title>
            <style>body{"{"}font:13px/1.4 system-ui,sans-serif;margin:2rem{"}"} table{"{"}border-collapse:collapse;width:100%{"}"} th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:left{"}"}
            td.n{"{"}text-align:right{"}"} .sign{"{"}display:flex;gap:3rem;margin-top:3rem{"}"} .sign div{"{"}flex:1;border-top:1px solid #000;padding-top:.5rem{"}"}
            @media print{"{"}body{"{"}margin:1cm;font-size:10pt{"}"}{"}"}</style></head><body>
            <h1>Handover certificate {E(h.Number)}</h1>
            <p>On <strong>{h.HandedOverOn:dd MMMM yyyy}</strong> at {E(h.Place)}, <strong>{E(h.FromParty)}</strong> hands over to <strong>{E(h.ToAuthority)}</strong>
            the equipment below, financed by the European Union, which from this date belongs to {E(h.ToAuthority)}.</p>
            <table><thead><tr><th>#</th><th>Item</th><th>Make and model</th><th>Serial number</th><th>Value</th><th>EU visibility</th></tr></thead><tbody>
            """);
        var n = 0;
        foreach (var a in h.Assets)
            html.Append($"<tr><td>{++n}</td><td>{E(a.Description)}</td><td>{E(a.Manufacturer)} {E(a.Model)}</td><td>{E(a.SerialNumber)}</td><td class=\"n\">{a.UnitValue:N2} {E(a.Currency)}</td><td>{(a.VisibilityMarking ? "yes" : "no")}</td></tr>");
        html.Append($"""
            </tbody></table><p>{h.Assets.Count} items, total value {h.Assets.Sum(a => a.UnitValue):N2} {E(h.Assets.FirstOrDefault()?.Currency)}.</p>
            <div class="sign"><div>For {E(h.FromParty)}<br>{E(h.FromRepresentativeName)}, {E(h.FromRepresentativeRole)}</div>
            <div>For {E(h.ToAuthority)}<br>{E(h.ToRepresentativeName)}, {E(h.ToRepresentativeRole)}</div></div></body></html>
            """);
        return html.ToString();
    }
}
