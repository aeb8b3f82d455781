using System.Globalization;
using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Hosting;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;
using Microsoft.Extensions.Localization;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>
/// The grant report as one self-contained HTML page with inline SVG charts (funnel, budget, availability per crossing
/// point): no script, no external file, and a print stylesheet (A4, no split tables) so a browser prints it to PDF.
/// In English, French or Arabic (right to left): <see cref="DocumentLanguage"/>.
/// </summary>
public static class GrantReportPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Lazy<IStringLocalizer> Texts = new(() => DocumentLanguage.Texts(typeof(GrantReportPage)));
    private static IStringLocalizer T => Texts.Value;
    private static CultureInfo C => CultureInfo.CurrentCulture;
    private static string Country(string code) => CountryNames.Of(code, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    private static string Html(string? text) => DocumentLanguage.Html(text);

    /// <summary>A code's words in the report's language ("FundingInstrument.NdiciGlobalEurope"), or the code itself in English.</summary>
    private static string Code(string type, string? code)
    {
        if (code is null) return "";
        var text = T[$"{type}.{code}"];
        return text.ResourceNotFound ? code : text.Value;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/report.html", async (Guid grantId, string? lang, HttpRequest request, ReportingDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var culture = DocumentLanguage.Choose(lang, request.Headers.AcceptLanguage.ToString());
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var figures = await GrantSummary.FiguresAsync(db, grant, now, ct);
                return Results.Content(DocumentLanguage.In(culture, () => Render(grant, figures, now)), "text/html; charset=utf-8");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithName("GrantReportPage");

    public static string Render(Grant grant, GrantFigures f, DateTime generatedAt)
    {
        var html = new StringBuilder();
        string E(object? value) => Html(Convert.ToString(value, C) ?? "");
        string Money(decimal value) => value.ToString("N0", C) + " " + f.Budget.Currency;
        string Percent(double? share) => share is { } s ? Shares.Percent(s).ToString("0.0", C) + " %" : T["no data yet"];
        string Day(DateOnly day) => day.ToString("d", C);
        var rtl = C.TextInfo.IsRightToLeft;

        html.Append($$"""
            <!DOCTYPE html>
            <html lang="{{DocumentLanguage.Code(C)}}" dir="{{(rtl ? "rtl" : "ltr")}}"><head><meta charset="utf-8">
            <title>{{E(grant.Reference)}} — {{E(T["grant report"])}}</title>
            <style>
              body { font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
              h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 2px solid #003399; }
              .meta { color: #555; } table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
              th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: start; } td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
              svg { direction: ltr; }
              svg text { font: 12px system-ui, sans-serif; } figure { margin: .5rem 0; } figcaption { color: #555; font-size: .85rem; }
              @page { size: A4; margin: 15mm; }
              @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
            </style></head><body>
            <h1>{{E(grant.Title)}}</h1>
            <p class="meta">{{E(grant.Reference)}} · {{E(Code("FundingInstrument", grant.Instrument.ToString()))}} · {{E(T["donor {0}", grant.DonorCode])}} · {{E(T["implemented by {0}", grant.ImplementingPartner])}}<br>
            {{E(T["{0} to {1}", Day(grant.StartDate), Day(grant.EndDate)])}} · {{E(T["agreement version {0}", grant.Version])}} · {{E(T["beneficiary countries {0}", string.Join(", ", grant.BeneficiaryCountries.Select(Country))])}}<br>
            {{E(T["Generated {0} UTC", generatedAt.ToString("g", C)])}}</p>
            """);

        html.Append($"<h2>{E(T["Budget"])}</h2>");
        html.Append(Bars(T["Budget against committed, contracted, delivered and disbursed value"],
            [(T["Budget"], (double)f.Budget.Amount, Money(f.Budget.Amount)), (T["Committed"], (double)f.Budget.Committed, Money(f.Budget.Committed)),
             (T["Contracted"], (double)f.Budget.Contracted, Money(f.Budget.Contracted)), (T["Delivered"], (double)f.Budget.Delivered, Money(f.Budget.Delivered)),
             (T["Disbursed"], (double)f.Budget.Disbursed, Money(f.Budget.Disbursed))], (double)f.Budget.Amount, "#003399"));

        html.Append($"<h2>{E(T["From tender to use"])}</h2>");
        html.Append(Bars(T["Units at each step"], Steps(f.Funnel).Select(s => (T[s.Step].Value, (double)s.Units, s.Units.ToString("N0", C))).ToList(),
            Math.Max(1, Steps(f.Funnel).Max(s => s.Units)), "#2e7d32"));
        html.Append($"<p>{E(T["Lead time from tender publication to deployment: {0}.", f.LeadTime.Assets == 0 ? T["no asset deployed yet"] :
            T["median {0} days, 90th percentile {1} days over {2} assets", f.LeadTime.MedianDays?.ToString("0.#", C) ?? "", f.LeadTime.P90Days?.ToString("0.#", C) ?? "", f.LeadTime.Assets]])}</p>");

        html.Append($"<h2>{E(T["Agreed crossing points"])}</h2><table><thead><tr><th>{E(T["Crossing point"])}</th><th>{E(T["Between"])}</th><th>{E(T["Authority"])}</th>");
        foreach (var step in Steps(f.Funnel)) html.Append($"<th class=\"n\">{E(T[step.Step])}</th>");
        html.Append($"<th class=\"n\">{E(T["Availability"])}</th><th class=\"n\">{E(T["Verified"])}</th></tr></thead><tbody>");
        foreach (var p in f.CrossingPoints)
        {
            html.Append($"<tr><td>{E(p.Name)} ({E(p.Code)})</td><td>{E(Country(p.CountryCode))}–{E(Country(p.NeighbourCountryCode))}</td><td>{E(p.Authority)}</td>");
            foreach (var step in Steps(p.Funnel)) html.Append($"<td class=\"n\">{step.Units}</td>");
            html.Append($"<td class=\"n\">{Percent(p.Availability)}</td><td class=\"n\">{E(T["{0} of {1}", p.Verification.Verified, p.Verification.Deployed])}</td></tr>");
        }
        html.Append("</tbody></table>");

        html.Append($"<h2>{E(T["Availability"])}</h2>");
        html.Append($"<p>{E(T["Time-weighted share of the period {0} to {1} during which deployed equipment was operational: {2}.", f.AvailabilityFrom.ToString("d", C), f.AvailabilityTo.ToString("d", C), Percent(f.Availability)])}</p>");
        html.Append(Bars(T["Availability per crossing point (%)"],
            f.CrossingPoints.Where(p => p.Availability is not null).Select(p => (p.Name, p.Availability!.Value * 100, Percent(p.Availability))).ToList(), 100, "#ef6c00"));

        html.Append($"<p>{E(T["Use logged by the border authorities: {0} hours, {1} km, {2} patrols. Upkeep: {3} work orders completed, {4} in parts, {5} hours of labour.",
            f.Upkeep.UsageHours.ToString("N0", C), f.Upkeep.UsageKm.ToString("N0", C), f.Upkeep.Patrols.ToString("N0", C), f.Upkeep.WorkOrdersCompleted.ToString("N0", C),
            Money(f.Upkeep.PartsCost), f.Upkeep.LabourHours.ToString("0.#", C)])}</p>");

        html.Append(ReliabilitySection(grant, f.Reliability));

        html.Append($"<h2>{E(T["Deployments away from the contract's destination"])}</h2><p>{E(f.DeviationCount == 1 ? T["{0} recorded deviation.", 1] : T["{0} recorded deviations.", f.DeviationCount])}</p>");
        if (f.Deviations is { Count: > 0 } deviations)
        {
            html.Append($"<table><thead><tr><th>{E(T["Asset"])}</th><th>{E(T["Bought for"])}</th><th>{E(T["Deployed at"])}</th><th>{E(T["On"])}</th><th>{E(T["Reason"])}</th></tr></thead><tbody>");
            foreach (var d in deviations)
                html.Append($"<tr><td>{E(d.SerialNumber)} {E(Code("ItemCategory", d.ItemCategory))}</td><td>{E(d.DestinationCrossingPointCode)}</td><td>{E(d.DeployedAtCrossingPointCode)}</td><td>{Day(d.DeployedOn)}</td><td>{E(d.Reason)}</td></tr>");
            html.Append("</tbody></table>");
        }

        html.Append($"<h2>{E(T["End-use verification"])}</h2>");
        html.Append($"<p>{E(T["{0} visits recorded; {1} of {2} deployed assets seen by a monitor ({3}).", f.Verification.VisitsRecorded, f.Verification.Verified, f.Verification.Deployed, Percent(f.Verification.Coverage)])}</p>");
        if (f.Verification.LatestFindings.Count > 0)
        {
            html.Append($"<table><thead><tr><th>{E(T["Latest finding"])}</th><th class=\"n\">{E(T["Assets"])}</th></tr></thead><tbody>");
            foreach (var (finding, count) in f.Verification.LatestFindings) html.Append($"<tr><td>{E(Code("Finding", finding.ToString()))}</td><td class=\"n\">{count}</td></tr>");
            html.Append("</tbody></table>");
        }

        html.Append($"<h2>{E(T["Indicators"])}</h2>");
        if (f.Indicators.Count == 0) html.Append($"<p>{E(T["The agreement sets no indicators."])}</p>");
        else
        {
            html.Append($"<table><thead><tr><th>{E(T["Indicator"])}</th><th class=\"n\">{E(T["Baseline"])}</th><th class=\"n\">{E(T["Target"])}</th><th class=\"n\">{E(T["Actual"])}</th></tr></thead><tbody>");
            foreach (var i in f.Indicators)
            {
                var unit = i.Measure == IndicatorMeasure.Percentage ? " %" : "";
                html.Append($"<tr><td>{E(i.Title)} ({E(i.Code)})</td><td class=\"n\">{i.Baseline.ToString("0.##", C)}{unit} ({i.BaselineYear})</td>" +
                            $"<td class=\"n\">{i.Target.ToString("0.##", C)}{unit} ({i.TargetYear})</td><td class=\"n\">{(i.Actual is { } a ? a.ToString("0.##", C) + unit : E(T["no data yet"]))}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>MTBF and MTTR per model and per crossing point, as tables (days; "no fault yet" / "no repair yet" where nothing counts).</summary>
    private static string ReliabilitySection(Grant grant, GrantReliability? reliability)
    {
        static string E(object? value) => Html(Convert.ToString(value, C) ?? "");
        var html = new StringBuilder($"<h2>{E(T["Reliability"])}</h2>");
        if (reliability is null || reliability.ByModel.Count == 0) return html.Append($"<p>{E(T["No asset deployed yet."])}</p>").ToString();
        html.Append($"<p>{E(T["Mean time between failures (MTBF: days in service, from deployment to today or disposal, over the faults reported) and mean time to repair (MTTR: days from a fault's report to the completion of the corrective work order raised for it), as maintenance counts them."])}</p>");
        var names = grant.CrossingPoints.ToDictionary(p => p.Code, p => $"{p.Name} ({p.Code})");
        void Table(string heading, IReadOnlyList<ReliabilityFigures> rows, Func<string, string> label)
        {
            html.Append($"<table class=\"reliability\"><thead><tr><th>{E(heading)}</th><th class=\"n\">{E(T["Assets"])}</th><th class=\"n\">{E(T["Days in service"])}</th><th class=\"n\">{E(T["Failures"])}</th>" +
                        $"<th class=\"n\">{E(T["MTBF (days)"])}</th><th class=\"n\">{E(T["Repairs"])}</th><th class=\"n\">{E(T["MTTR (days)"])}</th></tr></thead><tbody>");
            foreach (var r in rows)
                html.Append($"<tr><td>{E(label(r.Key))}</td><td class=\"n\">{r.Assets}</td><td class=\"n\">{r.InServiceDays}</td><td class=\"n\">{r.Failures}</td>" +
                            $"<td class=\"n\">{(r.MtbfDays is { } mtbf ? mtbf.ToString("0.##", C) : E(T["no fault yet"]))}</td><td class=\"n\">{r.Repairs}</td>" +
                            $"<td class=\"n\">{(r.MttrDays is { } mttr ? mttr.ToString("0.##", C) : E(T["no repair yet"]))}</td></tr>");
            html.Append("</tbody></table>");
        }
        Table(T["Model"], reliability.ByModel, key => key);
        Table(T["Crossing point"], reliability.ByCrossingPoint, key => names.GetValueOrDefault(key, key));
        return html.ToString();
    }

    public static IReadOnlyList<(string Step, int Units)> Steps(Funnel f) =>
        [("Tendered", f.Tendered), ("Contracted", f.Contracted), ("Delivered", f.Delivered), ("Handed over", f.HandedOver), ("Deployed", f.Deployed), ("Operational", f.Operational)];

    /// <summary>A horizontal bar chart in inline SVG, with a text label and value on each bar and a title for screen readers.</summary>
    private static string Bars(string title, IReadOnlyList<(string Label, double Value, string Shown)> bars, double max, string colour)
    {
        if (bars.Count == 0) return $"<p>{Html(T["{0}: no data yet.", title])}</p>";
        const int labelWidth = 170, barWidth = 420, rowHeight = 26;
        var height = bars.Count * rowHeight + 8;
        var svg = new StringBuilder($"<figure><svg role=\"img\" width=\"{labelWidth + barWidth + 160}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barWidth + 160} {height}\"><title>{Html(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, shown) = bars[i];
            var width = max <= 0 ? 0 : Math.Max(0, Math.Min(1, value / max)) * barWidth;
            var y = i * rowHeight + 4;
            svg.Append(Invariant, $"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Html(label)}</text>");
            svg.Append(Invariant, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{rowHeight - 8}\" fill=\"{colour}\"/>");
            svg.Append(Invariant, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 15}\">{Html(shown)}</text>");
        }
        svg.Append($"</svg><figcaption>{Html(title)}</figcaption></figure>");
        return svg.ToString();
    }
}
