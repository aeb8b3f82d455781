using System.Globalization;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Microsoft.Extensions.Localization;
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
        api.MapGet("/tenders/{tenderId:guid}/lots/{lotNumber:int}/evaluation-report.html", async (Guid tenderId, int lotNumber, string? lang, HttpRequest request,
                IMediator mediator, CurrentUser user, CancellationToken ct) =>
            {
                var culture = DocumentLanguage.Choose(lang, request.Headers.AcceptLanguage.ToString());
                var report = await mediator.Send(new Query(tenderId, lotNumber, user.DonorScope), ct);
                return Results.Content(DocumentLanguage.In(culture, () => Html(report)), "text/html; charset=utf-8");
            })
            .RequireAuthorization(JwtAuthentication.RequireRoles(Lookups.Readers))
            .WithName("GetEvaluationReportHtml");
    }

    private static readonly Lazy<IStringLocalizer> Texts = new(() => DocumentLanguage.Texts(typeof(GetEvaluationReport)));
    private static IStringLocalizer T => Texts.Value;
    private static CultureInfo C => CultureInfo.CurrentCulture;

    /// <summary>A code's words in the report's language ("Procedure.SingleTender"), or the code itself in English.</summary>
    private static string Code(string type, object? code)
    {
        var text = T[$"{type}.{code}"];
        return text.ResourceNotFound ? Convert.ToString(code, C) ?? "" : text.Value;
    }

    /// <summary>A printable page, in the language of the request (<see cref="DocumentLanguage"/>): one table of bids, the criteria, and the proposal; print styles keep it to paper width.</summary>
    public static string Html(EvaluationReport r)
    {
        static string E(object? value) => DocumentLanguage.Html(value);
        static string Money(decimal value) => value.ToString("N2", C);
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html><html {DocumentLanguage.HtmlAttributes(C)}><head><meta charset="utf-8"><title>{E(T["Evaluation report {0} lot {1}", r.TenderReference, r.LotNumber])}</title>
            <style>body{"{"}font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111{"}"} table{"{"}border-collapse:collapse;width:100%{"}"}
            th,td{"{"}border:1px solid #999;padding:.3rem .5rem;text-align:start;vertical-align:top{"}"} td.n{"{"}text-align:end{"}"}
            @media print{"{"}body{"{"}margin:0;font-size:11pt{"}"} a{"{"}color:inherit{"}"}{"}"}</style></head><body>
            <h1>{E(T["Evaluation report"])}</h1>
            <p><strong>{E(r.TenderReference)}</strong> — {E(r.TenderTitle)}<br>{E(T["Lot {0}: {1} (status {2})", r.LotNumber, r.LotTitle, Code("LotStatus", r.LotStatus)])}<br>
            {E(T["Procedure: {0} under {1}; estimated value {2} EUR; submission deadline {3} UTC", Code("Procedure", r.Procedure), r.RuleSetEdition, Money(r.EstimatedValue), r.SubmissionDeadline?.ToString("g", C) ?? ""])}</p>
            {Committee(r.EvaluationCommittee)}
            <h2>{E(T["Award criteria"])}</h2><p>{E(T["{0}: price {1}%", Code("AwardMethod", r.AwardMethod), r.PriceWeight])}{string.Concat(r.QualityCriteria.Select(c => $", {E(c.Name)} {c.Weight}%"))}</p>
            <h2>{E(T["Bids"])}</h2><table><thead><tr><th>{E(T["Rank"])}</th><th>{E(T["Supplier"])}</th><th>{E(T["Received"])}</th><th>{E(T["Total price (EUR)"])}</th><th>{E(T["Administrative"])}</th><th>{E(T["Technical"])}</th><th>{E(T["Scores"])}</th><th>{E(T["Weighted score"])}</th><th>{E(T["Notes"])}</th></tr></thead><tbody>
            """);
        foreach (var b in r.Bids)
            html.Append($"<tr><td class=\"n\">{E(b.Rank)}</td><td>{E(b.SupplierName)} ({E(b.SupplierCountry)})</td><td>{b.ReceivedAt.ToString("g", C)}</td>" +
                        $"<td class=\"n\">{Money(b.TotalPrice)}</td><td>{E(Yes(b.AdministrativelyCompliant))}</td><td>{E(Yes(b.TechnicallyCompliant))}</td>" +
                        $"<td>{string.Join("<br>", b.QualityScores.Select(s => $"{E(s.Key)}: {E(s.Value)}"))}</td><td class=\"n\">{E(b.Score)}</td><td>{E(b.EvaluationNotes)}</td></tr>");
        var proposed = r.Bids.FirstOrDefault(b => b.Id == r.ProposedBidId);
        html.Append($"</tbody></table><h2>{E(T["Proposal"])}</h2><p>{(proposed is null ? E(T["No award proposed."]) : T["Award to {0} for {1} EUR.", $"<strong>{E(proposed.SupplierName)}</strong>", Money(proposed.TotalPrice)].Value)}</p>");
        html.Append($"<p><small>{E(T["Generated {0} UTC", r.GeneratedAt.ToString("g", C)])}</small></p></body></html>");
        return html.ToString();

        static string Yes(bool? value) => value switch { true => T["compliant"], false => T["not compliant"], null => T["not evaluated"] };

        static string Committee(EvaluationCommitteeResponse? c)
        {
            if (c is null) return $"<h2>{E(T["Evaluation committee"])}</h2><p>{E(T["No evaluation committee was recorded for this tender."])}</p>";
            var rows = new StringBuilder();
            void Row(string role, CommitteeMember m) => rows.Append(
                $"<tr><td>{E(role)}</td><td>{E(m.Name)}</td><td>{E(m.Position)}</td><td>{m.DeclarationSignedOn.ToString("d", C)}</td></tr>");
            Row(T["Chair (non-voting)"], c.Chair);
            Row(T["Secretary (non-voting)"], c.Secretary);
            for (var i = 0; i < c.Evaluators.Count; i++) Row(T["Evaluator {0} (voting)", i + 1], c.Evaluators[i]);
            return $"<h2>{E(T["Evaluation committee"])}</h2><table class=\"committee\"><thead><tr><th>{E(T["Role"])}</th><th>{E(T["Name"])}</th><th>{E(T["Function"])}</th>" +
                   $"<th>{E(T["Declaration of impartiality and confidentiality signed"])}</th></tr></thead><tbody>" + rows + "</tbody></table>";
        }
    }
}
