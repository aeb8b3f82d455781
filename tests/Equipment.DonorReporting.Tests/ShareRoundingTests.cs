using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Hosting;
using Equipment.DonorReporting.Domain;
using Equipment.DonorReporting.Features.Reports;

namespace Equipment.DonorReporting.Tests;

/// <summary>
/// A share is rounded one way wherever a person reads it (issue #16: 53.8 % in the report, 53.9 % on the dashboard for
/// the same 7 of 13): half away from zero on decimal, as <see cref="Shares.Percent"/> and the portal's <c>Percent.Of</c> do.
/// </summary>
public class ShareRoundingTests
{
    private static readonly CrossingPoint RasAjdir = new("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56);

    [Theory]
    [InlineData(7, 13, 53.9)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(0, 5, 0.0)]
    [InlineData(5, 5, 100.0)]
    public void A_share_rounds_half_away_from_zero(int part, int whole, double expected) =>
        Assert.Equal((decimal)expected, Shares.Percent(GrantFiguresCalculator.Share(part, whole)!.Value));

    [Fact]
    public void Seven_of_thirteen_reads_53_9_in_the_report_and_its_indicator()
    {
        var grant = Grant.Register("REF-1", "Title", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, "ICMPD", 1_000_000m,
            new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), ["TN"], [RasAjdir], DateTime.UtcNow,
            indicators: [new Indicator("OUT-4", "Availability", IndicatorSource.Availability, 0, 2025, 95, 2030),
                         new Indicator("OUT-3", "Seen by monitors", IndicatorSource.VerificationCoverage, 0, 2025, 50, 2030)]);
        var share = GrantFiguresCalculator.Share(7, 13);
        Assert.Equal(0.5385, share);
        var funnel = new Funnel(13, 13, 13, 13, 13, 7);
        var coverage = new VerificationCoverage(13, 7, share, 2, new Dictionary<string, int>());
        var figures = new GrantFigures(new Budget(1_000_000m, 0, 0, 0, 0, "EUR"), funnel, new LeadTime(0, null, null), share,
            grant.StartDate, new DateOnly(2025, 6, 1), coverage,
            [new CrossingPointFigures(RasAjdir.Code, RasAjdir.Name, "TN", "LY", null, 33.15, 11.56, funnel, share, coverage)],
            GrantFiguresCalculator.IndicatorsOf(grant, funnel, null, share, coverage), new Upkeep(0, 0, 0, 0, 0, 0));
        Assert.All(figures.Indicators, i => Assert.Equal(53.9m, i.Actual));

        var english = DocumentLanguage.In(DocumentLanguage.Culture("en"), () => GrantReportPage.Render(grant, figures, DateTime.UtcNow));
        Assert.Contains("operational: 53.9 %.", english);
        Assert.Contains("<td class=\"n\">53.9 %</td>", english);   // the crossing point's availability
        Assert.Contains("(53.9 %)", english);                     // verification coverage
        Assert.Contains("53.9 %</td></tr>", english);              // the indicators' actual
        Assert.DoesNotContain("53.8", english);

        var french = DocumentLanguage.In(DocumentLanguage.Culture("fr"), () => GrantReportPage.Render(grant, figures, DateTime.UtcNow));
        Assert.Contains("53,9 %", french);
        Assert.DoesNotContain("53,8", french);
    }
}
