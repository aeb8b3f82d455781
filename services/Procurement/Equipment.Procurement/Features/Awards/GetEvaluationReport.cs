using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.Procurement.Data;
using Equipment.Procurement.Domain;
using Equipment.Procurement.Features.Bids;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Features.Awards;

/// <summary>
/// The evaluation report of a lot: the committee that evaluated (chair, secretary, voting evaluators, each with the day
/// they signed the declaration of impartiality and confidentiality), criteria, every bid's compliance with reasons,
/// scores, ranking and the proposed award.
/// </summary>
public static class GetEvaluationReport
{
    public sealed record Query(Guid TenderId, int LotNumber, string? DonorScope) : IRequest<EvaluationReport>;

    public sealed class Handler(ProcurementDbContext db, TimeProvider clock) : IRequestHandler<Query, EvaluationReport>
    {
        public async Task<EvaluationReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var tender = await db.TenderAsync(query.TenderId, query.DonorScope, clock, cancellationToken);
            var lot = tender.Lot(query.LotNumber);
            tender.EnsureBidsUnsealed(lot);
            var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tender.Id && b.LotNumber == lot.Number).ToListAsync(cancellationToken);
            var supplierIds = bids.Select(b => b.SupplierId).ToList();
            var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            return new EvaluationReport(
                tender.Id, tender.Reference, tender.Title, tender.Procedure, tender.RuleSetEdition, lot.Number, lot.Title, lot.Status,
                lot.EstimatedValue, tender.AwardMethod, tender.PriceWeight, tender.QualityCriteria, tender.SubmissionDeadline,
                bids.OrderBy(b => b.Rank ?? int.MaxValue).ThenBy(b => b.ReceivedAt).Select(b => BidResponse.From(b, suppliers[b.SupplierId])).ToList(),
                lot.ProposedBidId, clock.GetUtcNow().UtcDateTime, EvaluationCommitteeResponse.From(tender.EvaluationCommittee));
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tenders/{tenderId:guid}/lots/{lotNumber:int}/evaluation-report", (Guid tenderId, int lotNumber, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                mediator.Send(new Query(tenderId, lotNumber, user.DonorScope), ct))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetEvaluationReport");
        api.MapGet("/tenders/{tenderId:guid}/lots/{lotNumber:int}/evaluation-report.html", async (Guid tenderId, int lotNumber, IMediator mediator, CurrentUser user, CancellationToken ct) =>
                Results.Content(Html(await mediator.Send(new Query(tenderId, lotNumber, user.DonorScope), ct)), "text/html; charset=utf-8"))
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetEvaluationReportHtml");
    }

    /// <summary>A printable page: one table of bids, the criteria, and the proposal; print styles keep it to paper width.</summary>
    public static string Html(EvaluationReport r)
    {
        static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Evaluation report {E(r.TenderReference)} lot {r.LotNumber}</title>
            <style>body{"{"}font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111{"}"} table{"{"}border-collapse:collapse;width:100%{"}"}
            th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top{"}"} td.n{"{"}text-align:right{"}"}
            @media print{"{"}body{"{"}margin:0;font-size:11pt{"}"} a{"{"}color:inherit{"}"}{"}"}</style></head><body>
            <h1>Evaluation report</h1>
            <p><strong>{E(r.TenderReference)}</strong> — {E(r.TenderTitle)}<br>Lot {r.LotNumber}: {E(r.LotTitle)} (status {E(r.LotStatus)})<br>
            Procedure: {E(r.Procedure)} under {E(r.RuleSetEdition)}; estimated value {r.EstimatedValue:N2} EUR; submission deadline {r.SubmissionDeadline:yyyy-MM-dd HH:mm} UTC</p>
            {Committee(r.EvaluationCommittee)}
            <h2>Award criteria</h2><p>{E(r.AwardMethod)}: price {r.PriceWeight}%{string.Concat(r.QualityCriteria.Select(c => $", {E(c.Name)} {c.Weight}%"))}</p>
            <h2>Bids</h2><table><thead><tr><th>Rank</th><th>Supplier</th><th>Received</th><th>Total price (EUR)</th><th>Administrative</th><th>Technical</th><th>Scores</th><th>Weighted score</th><th>Notes</th></tr></thead><tbody>
            """);
        foreach (var b in r.Bids)
            html.Append($"<tr><td class=\"n\">{E(b.Rank)}</td><td>{E(b.SupplierName)} ({E(b.SupplierCountry)})</td><td>{b.ReceivedAt:yyyy-MM-dd HH:mm}</td>" +
                        $"<td class=\"n\">{b.TotalPrice:N2}</td><td>{Yes(b.AdministrativelyCompliant)}</td><td>{Yes(b.TechnicallyCompliant)}</td>" +
                        $"<td>{string.Join("<br>", b.QualityScores.Select(s => $"{E(s.Key)}: {s.Value}"))}</td><td class=\"n\">{E(b.Score)}</td><td>{E(b.EvaluationNotes)}</td></tr>");
        var proposed = r.Bids.FirstOrDefault(b => b.Id == r.ProposedBidId);
        html.Append($"</tbody></table><h2>Proposal</h2><p>{(proposed is null ? "No award proposed." : $"Award to <strong>{E(proposed.SupplierName)}</strong> for {proposed.TotalPrice:N2} EUR.")}</p>");
        html.Append($"<p><small>Generated {r.GeneratedAt:yyyy-MM-dd HH:mm} UTC</small></p></body></html>");
        return html.ToString();

        static string Yes(bool? value) => value switch { true => "compliant", false => "not compliant", null => "not evaluated" };

        static string Committee(EvaluationCommitteeResponse? c)
        {
            if (c is null) return "<h2>Evaluation committee</h2><p>No evaluation committee was recorded for this tender.</p>";
            var rows = new StringBuilder();
            void Row(string role, CommitteeMember m) => rows.Append(
                $"<tr><td>{E(role)}</td><td>{E(m.Name)}</td><td>{E(m.Position)}</td><td>{m.DeclarationSignedOn:yyyy-MM-dd}</td></tr>");
            Row("Chair (non-voting)", c.Chair);
            Row("Secretary (non-voting)", c.Secretary);
            for (var i = 0; i < c.Evaluators.Count; i++) Row($"Evaluator {i + 1} (voting)", c.Evaluators[i]);
            return "<h2>Evaluation committee</h2><table class=\"committee\"><thead><tr><th>Role</th><th>Name</th><th>Function</th>" +
                   "<th>Declaration of impartiality and confidentiality signed</th></tr></thead><tbody>" + rows + "</tbody></table>";
        }
    }
}
