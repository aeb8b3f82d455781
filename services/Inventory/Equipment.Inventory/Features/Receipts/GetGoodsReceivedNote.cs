using System.Globalization;
using System.Net;
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
        api.MapGet("/goods-received-notes/{noteId:guid}/note.html", async (Guid noteId, InventoryDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                Results.Content(Html(await LoadAsync(db, noteId, user.DonorScope, ct), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), "text/html; charset=utf-8"))
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

    public static string Html((GoodsReceivedNote Note, Shipment Shipment, IReadOnlyList<Asset> Assets, IReadOnlyList<ExpectedDelivery> Lines) grn, DateOnly today)
    {
        static string E(object? v) => WebUtility.HtmlEncode(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "");
        var (n, s, assets, deliveries) = grn;
        var supplier = deliveries.FirstOrDefault()?.SupplierName ?? assets.FirstOrDefault()?.SupplierName ?? "";
        var acceptance = n.AcceptedOn is { } on ? $"Accepted on {on:dd MMMM yyyy}."
            : n.AcceptanceOn(today) is { } deemed ? $"Acceptance deemed on {deemed:dd MMMM yyyy} ({n.DeemedAcceptanceDays} days after receipt)."
            : $"Provisional acceptance on receipt; final acceptance is deemed on {n.ReceivedOn.AddDays(n.DeemedAcceptanceDays):dd MMMM yyyy} unless recorded before.";
        var html = new StringBuilder($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Goods received note {E(n.Number)}</title>
            <style>body{"{"}font:13px/1.4 system-ui,sans-serif;margin:2rem{"}"} table{"{"}border-collapse:collapse;width:100%;margin:.5rem 0 1rem{"}"} th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:left{"}"}
            td.n{"{"}text-align:right{"}"} .sign{"{"}display:flex;gap:3rem;margin-top:3rem{"}"} .sign div{"{"}flex:1;border-top:1px solid #000;padding-top:.5rem{"}"}
            @media print{"{"}body{"{"}margin:1cm;font-size:10pt{"}"}{"}"}</style></head><body>
            <h1>Goods received note {E(n.Number)}</h1>
            <p>On <strong>{n.ReceivedOn:dd MMMM yyyy}</strong> warehouse <strong>{E(n.WarehouseCode)}</strong> received under waybill <strong>{E(s.WaybillNumber)}</strong>
            ({E(s.Carrier)}, dispatched {s.DispatchedOn:dd MMMM yyyy}) the goods below of contract <strong>{E(s.ContractReference)}</strong> with {E(supplier)}.
            Received by {E(n.ReceivedBy)}. {E(acceptance)}</p>
            <table><thead><tr><th>Line</th><th>Item</th><th class="n">Shipped</th><th class="n">Accepted</th><th class="n">Rejected</th><th>Reason for rejection</th></tr></thead><tbody>
            """);
        foreach (var line in n.Lines.OrderBy(l => l.ContractLineNumber))
        {
            var delivery = deliveries.FirstOrDefault(d => d.ContractLineNumber == line.ContractLineNumber);
            var shipped = s.Lines.FirstOrDefault(l => l.ContractLineNumber == line.ContractLineNumber)?.Quantity;
            html.Append($"<tr><td>{line.ContractLineNumber}</td><td>{E(delivery?.Description)}</td><td class=\"n\">{shipped}</td><td class=\"n\">{line.AcceptedQuantity}</td><td class=\"n\">{line.RejectedQuantity}</td><td>{E(line.RejectionReason)}</td></tr>");
        }
        html.Append("</tbody></table><h2>Units accepted</h2><table><thead><tr><th>#</th><th>Line</th><th>Make and model</th><th>Serial number</th><th class=\"n\">Value</th><th>EU visibility</th></tr></thead><tbody>");
        var i = 0;
        foreach (var a in assets)
            html.Append($"<tr><td>{++i}</td><td>{a.ContractLineNumber}</td><td>{E(a.Manufacturer)} {E(a.Model)}</td><td>{E(a.SerialNumber)}</td><td class=\"n\">{a.UnitValue.ToString("N2", CultureInfo.InvariantCulture)} {E(a.Currency)}</td><td>{(a.VisibilityMarking ? "yes" : "no")}</td></tr>");
        html.Append($"""
            </tbody></table><p>{assets.Count} units accepted, {n.Lines.Sum(l => l.RejectedQuantity)} rejected.</p>
            <div class="sign"><div>Received for {E(assets.FirstOrDefault()?.Owner)}<br>{E(n.ReceivedBy)}</div><div>Delivered by {E(s.Carrier)}<br>Name and signature</div></div></body></html>
            """);
        return html.ToString();
    }
}
