using System.Globalization;
using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Grants;

namespace Equipment.DonorReporting.Features.Reports;

/// <summary>
/// The grant report as one self-contained HTML page with inline SVG charts (funnel, budget, availability per crossing
/// point): no script, no external file, and a print stylesheet (A4, no split tables) so a browser prints it to PDF.
/// </summary>
public static class GrantReportPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/grants/{grantId:guid}/report.html", async (Guid grantId, ReportingDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var grant = await db.FindVisibleGrantAsync(grantId, user.DonorScope, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var figures = await GrantSummary.FiguresAsync(db, grant, now, ct);
                return Results.Content(Render(grant, figures, now), "text/html; charset=utf-8");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithName("GrantReportPage");

    public static string Render(Grant grant, GrantFigures f, DateTime generatedAt)
    {
        var html = new StringBuilder();
        string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, Invariant) ?? "");
        string Money(decimal value) => value.ToString("N0", Invariant) + " " + f.Budget.Currency;
        string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Invariant) + " %" : "no data yet";

        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>{{E(grant.Reference)}} — grant report</title>
            <style>
              body { font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
              h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 2px solid #003399; }
              .meta { color: #555; } table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
              th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
              svg text { font: 12px system-ui, sans-serif; } figure { margin: .5rem 0; } figcaption { color: #555; font-size: .85rem; }
              @page { size: A4; margin: 15mm; }
              @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
            </style></head><body>
            <h1>{{E(grant.Title)}}</h1>
            <p class="meta">{{E(grant.Reference)}} · {{E(grant.Instrument)}} · donor {{E(grant.DonorCode)}} · implemented by {{E(grant.ImplementingPartner)}}<br>
            {{grant.StartDate:yyyy-MM-dd}} to {{grant.EndDate:yyyy-MM-dd}} · agreement version {{grant.Version}} · beneficiary countries {{E(string.Join(", ", grant.BeneficiaryCountries))}}<br>
            Generated {{generatedAt:yyyy-MM-dd HH:mm}} UTC</p>
            """);

        html.Append("<h2>Budget</h2>");
        html.Append(Bars("Budget against committed, contracted, delivered and disbursed value",
            [("Budget", (double)f.Budget.Amount, Money(f.Budget.Amount)), ("Committed", (double)f.Budget.Committed, Money(f.Budget.Committed)),
             ("Contracted", (double)f.Budget.Contracted, Money(f.Budget.Contracted)), ("Delivered", (double)f.Budget.Delivered, Money(f.Budget.Delivered)),
             ("Disbursed", (double)f.Budget.Disbursed, Money(f.Budget.Disbursed))], (double)f.Budget.Amount, "#003399"));

        html.Append("<h2>From tender to use</h2>");
        html.Append(Bars("Units at each step", Steps(f.Funnel).Select(s => (s.Step, (double)s.Units, s.Units.ToString(Invariant))).ToList(),
            Math.Max(1, Steps(f.Funnel).Max(s => s.Units)), "#2e7d32"));
        html.Append($"<p>Lead time from tender publication to deployment: {(f.LeadTime.Assets == 0 ? "no asset deployed yet" :
            $"median {f.LeadTime.MedianDays?.ToString("0.#", Invariant)} days, 90th percentile {f.LeadTime.P90Days?.ToString("0.#", Invariant)} days over {f.LeadTime.Assets} assets")}.</p>");

        html.Append("<h2>Agreed crossing points</h2><table><thead><tr><th>Crossing point</th><th>Between</th><th>Authority</th>");
        foreach (var step in Steps(f.Funnel)) html.Append($"<th class=\"n\">{E(step.Step)}</th>");
        html.Append("<th class=\"n\">Availability</th><th class=\"n\">Verified</th></tr></thead><tbody>");
        foreach (var p in f.CrossingPoints)
        {
            html.Append($"<tr><td>{E(p.Name)} ({E(p.Code)})</td><td>{E(p.CountryCode)}–{E(p.NeighbourCountryCode)}</td><td>{E(p.Authority)}</td>");
            foreach (var step in Steps(p.Funnel)) html.Append($"<td class=\"n\">{step.Units}</td>");
            html.Append($"<td class=\"n\">{Percent(p.Availability)}</td><td class=\"n\">{p.Verification.Verified} of {p.Verification.Deployed}</td></tr>");
        }
        html.Append("</tbody></table>");

        html.Append("<h2>Availability</h2>");
        html.Append($"<p>Time-weighted share of the period {f.AvailabilityFrom:yyyy-MM-dd} to {f.AvailabilityTo:yyyy-MM-dd} during which deployed equipment was operational: {Percent(f.Availability)}.</p>");
        html.Append(Bars("Availability per crossing point (%)",
            f.CrossingPoints.Where(p => p.Availability is not null).Select(p => (p.Name, p.Availability!.Value * 100, Percent(p.Availability))).ToList(), 100, "#ef6c00"));

        html.Append($"<p>Use logged by the border authorities: {f.Upkeep.UsageHours.ToString("N0", Invariant)} hours, {f.Upkeep.UsageKm.ToString("N0", Invariant)} km, " +
                    $"{f.Upkeep.Patrols} patrols. Upkeep: {f.Upkeep.WorkOrdersCompleted} work orders completed, {Money(f.Upkeep.PartsCost)} in parts, " +
                    $"{f.Upkeep.LabourHours.ToString("0.#", Invariant)} hours of labour.</p>");

        html.Append(ReliabilitySection(grant, f.Reliability));

        html.Append($"<h2>Deployments away from the contract's destination</h2><p>{f.DeviationCount} recorded deviation{(f.DeviationCount == 1 ? "" : "s")}.</p>");
        if (f.Deviations is { Count: > 0 } deviations)
        {
            html.Append("<table><thead><tr><th>Asset</th><th>Bought for</th><th>Deployed at</th><th>On</th><th>Reason</th></tr></thead><tbody>");
            foreach (var d in deviations)
                html.Append($"<tr><td>{E(d.SerialNumber)} {E(d.ItemCategory)}</td><td>{E(d.DestinationCrossingPointCode)}</td><td>{E(d.DeployedAtCrossingPointCode)}</td><td>{d.DeployedOn:yyyy-MM-dd}</td><td>{E(d.Reason)}</td></tr>");
            html.Append("</tbody></table>");
        }

        html.Append("<h2>End-use verification</h2>");
        html.Append($"<p>{f.Verification.VisitsRecorded} visits recorded; {f.Verification.Verified} of {f.Verification.Deployed} deployed assets seen by a monitor ({Percent(f.Verification.Coverage)}).</p>");
        if (f.Verification.LatestFindings.Count > 0)
        {
            html.Append("<table><thead><tr><th>Latest finding</th><th class=\"n\">Assets</th></tr></thead><tbody>");
            foreach (var (finding, count) in f.Verification.LatestFindings) html.Append($"<tr><td>{E(finding)}</td><td class=\"n\">{count}</td></tr>");
            html.Append("</tbody></table>");
        }

        html.Append("<h2>Indicators</h2>");
        if (f.Indicators.Count == 0) html.Append("<p>The agreement sets no indicators.</p>");
        else
        {
            html.Append("<table><thead><tr><th>Indicator</th><th class=\"n\">Baseline</th><th class=\"n\">Target</th><th class=\"n\">Actual</th></tr></thead><tbody>");
            foreach (var i in f.Indicators)
            {
                var unit = i.Measure == IndicatorMeasure.Percentage ? " %" : "";
                html.Append($"<tr><td>{E(i.Title)} ({E(i.Code)})</td><td class=\"n\">{i.Baseline.ToString("0.##", Invariant)}{unit} ({i.BaselineYear})</td>" +
                            $"<td class=\"n\">{i.Target.ToString("0.##", Invariant)}{unit} ({i.TargetYear})</td><td class=\"n\">{(i.Actual is { } a ? a.ToString("0.##", Invariant) + unit : "no data yet")}</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>MTBF and MTTR per model and per crossing point, as tables (days; "no fault yet" / "no repair yet" where nothing counts).</summary>
    private static string ReliabilitySection(Grant grant, GrantReliability? reliability)
    {
        static string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, Invariant) ?? "");
        var html = new StringBuilder("<h2>Reliability</h2>");
        if (reliability is null || reliability.ByModel.Count == 0) return html.Append("<p>No asset deployed yet.</p>").ToString();
        html.Append("<p>Mean time between failures (MTBF: days in service, from deployment to today or disposal, over the faults reported) and mean " +
                    "time to repair (MTTR: days from a fault's report to the completion of the corrective work order raised for it), as maintenance counts them.</p>");
        var names = grant.CrossingPoints.ToDictionary(p => p.Code, p => $"{p.Name} ({p.Code})");
        void Table(string heading, IReadOnlyList<ReliabilityFigures> rows, Func<string, string> label)
        {
            html.Append($"<table class=\"reliability\"><thead><tr><th>{E(heading)}</th><th class=\"n\">Assets</th><th class=\"n\">Days in service</th><th class=\"n\">Failures</th>" +
                        "<th class=\"n\">MTBF (days)</th><th class=\"n\">Repairs</th><th class=\"n\">MTTR (days)</th></tr></thead><tbody>");
            foreach (var r in rows)
                html.Append($"<tr><td>{E(label(r.Key))}</td><td class=\"n\">{r.Assets}</td><td class=\"n\">{r.InServiceDays}</td><td class=\"n\">{r.Failures}</td>" +
                            $"<td class=\"n\">{(r.MtbfDays is { } mtbf ? mtbf.ToString("0.##", Invariant) : "no fault yet")}</td><td class=\"n\">{r.Repairs}</td>" +
                            $"<td class=\"n\">{(r.MttrDays is { } mttr ? mttr.ToString("0.##", Invariant) : "no repair yet")}</td></tr>");
            html.Append("</tbody></table>");
        }
        Table("Model", reliability.ByModel, key => key);
        Table("Crossing point", reliability.ByCrossingPoint, key => names.GetValueOrDefault(key, key));
        return html.ToString();
    }

    public static IReadOnlyList<(string Step, int Units)> Steps(Funnel f) =>
        [("Tendered", f.Tendered), ("Contracted", f.Contracted), ("Delivered", f.Delivered), ("Handed over", f.HandedOver), ("Deployed", f.Deployed), ("Operational", f.Operational)];

    /// <summary>A horizontal bar chart in inline SVG, with a text label and value on each bar and a title for screen readers.</summary>
    private static string Bars(string title, IReadOnlyList<(string Label, double Value, string Shown)> bars, double max, string colour)
    {
        if (bars.Count == 0) return $"<p>{WebUtility.HtmlEncode(title)}: no data yet.</p>";
        const int labelWidth = 170, barWidth = 420, rowHeight = 26;
        var height = bars.Count * rowHeight + 8;
        var svg = new StringBuilder($"<figure><svg role=\"img\" width=\"{labelWidth + barWidth + 160}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barWidth + 160} {height}\"><title>{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, shown) = bars[i];
            var width = max <= 0 ? 0 : Math.Max(0, Math.Min(1, value / max)) * barWidth;
            var y = i * rowHeight + 4;
            svg.Append(Invariant, $"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(Invariant, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{rowHeight - 8}\" fill=\"{colour}\"/>");
            svg.Append(Invariant, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 15}\">{WebUtility.HtmlEncode(shown)}</text>");
        }
        svg.Append($"</svg><figcaption>{WebUtility.HtmlEncode(title)}</figcaption></figure>");
        return svg.ToString();
    }
}
