using System.Globalization;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.BuildingBlocks.Hosting;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Features.Receipts;

/// <summary>
/// A goods received note as JSON, or as a printable page (to reprint it): the shipment it received, each contract line with what
/// was accepted and rejected and why, every unit's serial number, and signature blocks for the receiver and the carrier.
/// </summary>
public static class GetGoodsReceivedNote
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/goods-received-notes/{noteId:guid}", async (Guid noteId, InventoryDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var (note, _, assets, _) = await LoadAsync(db, noteId, user.DonorScope, ct);
                // Acceptance as it stands today: recorded, or deemed once its days have passed (the evidence closes then).
                return GoodsReceivedResponse.From(note, assets) with { AcceptedOn = note.AcceptanceOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) };
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithEntityTag<GoodsReceivedNote>("noteId")
            .WithName("GetGoodsReceivedNote");
        api.MapGet("/goods-received-notes/{noteId:guid}/note.html", async (Guid noteId, string? lang, HttpRequest request, InventoryDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                var culture = DocumentLanguage.Choose(lang, request.Headers.AcceptLanguage.ToString());
                var note = await LoadAsync(db, noteId, user.DonorScope, ct);
                return Results.Content(DocumentLanguage.In(culture, () => Html(note, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))), "text/html; charset=utf-8");
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.Administrator, Roles.DonorMonitor))
            .WithName("GetGoodsReceivedNoteHtml");
    }

    private static async Task<(GoodsReceivedNote Note, Shipment Shipment, IReadOnlyList<Asset> Assets, IReadOnlyList<ExpectedDelivery> Lines)> LoadAsync(
        InventoryDbContext db, Guid id, string? donorScope, CancellationToken ct)
    {
        var found = await (
                from n in db.GoodsReceivedNotes.AsNoTracking()
                join s in db.Shipments.AsNoTracking() on n.ShipmentId equals s.Id
                where n.Id == id && (donorScope == null || s.DonorCode == donorScope)
                select new { Note = n, Shipment = s })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"No goods received note {id}.");
        var assets = await db.Assets.AsNoTracking().Where(a => a.GoodsReceivedNoteId == id)
            .OrderBy(a => a.ContractLineNumber).ThenBy(a => a.SerialNumber).ToListAsync(ct);
        var lines = await db.ExpectedDeliveries.AsNoTracking().Where(d => d.ContractId == found.Note.ContractId).ToListAsync(ct);
        return (found.Note, found.Shipment, assets, lines);
    }

    private static readonly Lazy<Microsoft.Extensions.Localization.IStringLocalizer> Texts = new(() => DocumentLanguage.Texts(typeof(GetGoodsReceivedNote)));
    private static Microsoft.Extensions.Localization.IStringLocalizer T => Texts.Value;

    /// <summary>The bon de réception, printable, in the language of the request (<see cref="DocumentLanguage"/>).</summary>
    public static string Html((GoodsReceivedNote Note, Shipment Shipment, IReadOnlyList<Asset> Assets, IReadOnlyList<ExpectedDelivery> Lines) grn, DateOnly today)
    {
        var c = CultureInfo.CurrentCulture;
        static string E(object? v) => DocumentLanguage.Html(v);
        string Day(DateOnly d) => d.ToString("D", c);
        var (n, s, assets, deliveries) = grn;
        var supplier = deliveries.FirstOrDefault()?.SupplierName ?? assets.FirstOrDefault()?.SupplierName ?? "";
        var acceptance = n.AcceptedOn is { } on ? T["Accepted on {0}.", Day(on)].Value
            : n.AcceptanceOn(today) is { } deemed ? T["Acceptance deemed on {0} ({1} days after receipt).", Day(deemed), n.DeemedAcceptanceDays].Value
            : T["Provisional acceptance on receipt; final acceptance is deemed on {0} unless recorded before.", Day(n.ReceivedOn.AddDays(n.DeemedAcceptanceDays))].Value;
        var html = new StringBuilder($"""
            <!doctype html><html {DocumentLanguage.HtmlAttributes(c)}><head><meta charset="utf-8"><title>{E(T["Goods received note {0}", n.Number])}</title>
            <style>body{"{"}font:13px/1.4 system-ui,sans-serif;margin:2rem{"}"} table{"{"}border-collapse:collapse;width:100%;margin:.5rem 0 1rem{"}"} th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:start{"}"}
            td.n{"{"}text-align:end{"}"} .sign{"{"}display:flex;gap:3rem;margin-top:3rem{"}"} .sign div{"{"}flex:1;border-top:1px solid #000;padding-top:.5rem{"}"}
            @media print{"{"}body{"{"}margin:1cm;font-size:10pt{"}"}{"}"}</style></head><body>
            <h1>{E(T["Goods received note {0}", n.Number])}</h1>
            <p>{T["On {0} warehouse {1} received under waybill {2} ({3}, dispatched {4}) the goods below of contract {5} with {6}.",
                $"<strong>{E(Day(n.ReceivedOn))}</strong>", $"<strong>{E(n.WarehouseCode)}</strong>", $"<strong>{E(s.WaybillNumber)}</strong>", E(s.Carrier),
                E(Day(s.DispatchedOn)), $"<strong>{E(s.ContractReference)}</strong>", E(supplier)]}
            {E(T["Received by {0}.", n.ReceivedBy])} {E(acceptance)}</p>
            <table><thead><tr><th>{E(T["Line"])}</th><th>{E(T["Item"])}</th><th class="n">{E(T["Shipped"])}</th><th class="n">{E(T["Accepted"])}</th><th class="n">{E(T["Rejected"])}</th><th>{E(T["Reason for rejection"])}</th></tr></thead><tbody>
            """);
        foreach (var line in n.Lines.OrderBy(l => l.ContractLineNumber))
        {
            var delivery = deliveries.FirstOrDefault(d => d.ContractLineNumber == line.ContractLineNumber);
            var shipped = s.Lines.FirstOrDefault(l => l.ContractLineNumber == line.ContractLineNumber)?.Quantity;
            html.Append($"<tr><td>{line.ContractLineNumber}</td><td>{E(delivery?.Description)}</td><td class=\"n\">{shipped}</td><td class=\"n\">{line.AcceptedQuantity}</td><td class=\"n\">{line.RejectedQuantity}</td><td>{E(line.RejectionReason)}</td></tr>");
        }
        html.Append($"</tbody></table><h2>{E(T["Units accepted"])}</h2><table><thead><tr><th>#</th><th>{E(T["Line"])}</th><th>{E(T["Make and model"])}</th><th>{E(T["Serial number"])}</th><th class=\"n\">{E(T["Value"])}</th><th>{E(T["EU visibility"])}</th></tr></thead><tbody>");
        var i = 0;
        foreach (var a in assets)
            html.Append($"<tr><td>{++i}</td><td>{a.ContractLineNumber}</td><td>{E(a.Manufacturer)} {E(a.Model)}</td><td>{E(a.SerialNumber)}</td><td class=\"n\">{a.UnitValue.ToString("N2", c)} {E(a.Currency)}</td><td>{E(a.VisibilityMarking ? T["yes"] : T["no"])}</td></tr>");
        html.Append($"""
            </tbody></table><p>{E(T["{0} units accepted, {1} rejected.", assets.Count, n.Lines.Sum(l => l.RejectedQuantity)])}</p>
            <div class="sign"><div>{E(T["Received for {0}", assets.FirstOrDefault()?.Owner ?? ""])}<br>{E(n.ReceivedBy)}</div><div>{E(T["Delivered by {0}", s.Carrier])}<br>{E(T["Name and signature"])}</div></div></body></html>
            """);
        return html.ToString();
    }
}
