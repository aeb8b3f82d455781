using System.Net;
using System.Net.Http.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Equipment.BuildingBlocks;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>The grant's reports and the IATI file, read back as their users' tools would read them.</summary>
public class ReportExportTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    private async Task<(Guid GrantId, string Donor, ReportingWorld.History History)> GrantWithHistoryAsync()
    {
        var donor = await _world.DonorAsync("XI-IATI-TEST");
        var grantId = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grantId);
        await _world.DeliverAllAsync(history.Events);
        await _world.VerifyDehibaWazinAsync(grantId, donor, history);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/disbursements",
            new { paidOn = "2025-02-01", amount = 250_000, reference = "PF-1" }));
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsJsonAsync($"/api/reporting/grants/{grantId}/allegations",
            new { reportedBy = "Anonymous hotline", allegation = "Camera TC-A3 used to watch a private villa" }));
        return (grantId, donor, history);
    }

    [Fact]
    public async Task The_csv_report_reads_back_one_row_per_asset()
    {
        var (grantId, _, history) = await GrantWithHistoryAsync();
        var response = await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}/report.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("serialNumber", rows[0][0]);
        var byAsset = rows.Skip(1).ToDictionary(r => r[0], r => rows[0].Zip(r).ToDictionary(x => x.First, x => x.Second));
        Assert.Equal(3, byAsset.Count);
        var a3 = byAsset.Single(r => r.Key.StartsWith("TC-A3")).Value;
        Assert.Equal(("37500", "C1", "TN-DEHIBA-WAZIN", "OutOfService", "Relocated"), (a3["unitValue"], a3["contractReference"], a3["crossingPoint"], a3["maintenanceStatus"], a3["lastFinding"]));
        var a1 = byAsset.Single(r => r.Key.StartsWith("TC-A1")).Value;
        Assert.Equal(("2025-04-10", "Garde nationale", "2025-04-20", "Operational", ""), (a1["handedOverOn"], a1["handedOverTo"], a1["firstDeployedOn"], a1["maintenanceStatus"], a1["lastFinding"]));
    }

    [Fact]
    public async Task The_xlsx_report_opens_with_its_four_sheets_and_the_figures()
    {
        var (grantId, _, _) = await GrantWithHistoryAsync();
        var response = await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}/report.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var book = workbook.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Summary", "Crossing points", "Indicators", "Assets"], sheets.Select(s => s.Name!.Value!));

        List<List<string>> Read(string name)
        {
            var part = (WorksheetPart)book.GetPartById(sheets.Single(s => s.Name == name).Id!);
            return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        }
        var summary = Read("Summary").ToDictionary(r => r[0], r => r.ElementAtOrDefault(1) ?? "");
        Assert.Equal(("198500", "187500", "112500", "250000"), (summary["Committed"], summary["Contracted"], summary["Delivered"], summary["Disbursed"]));
        Assert.Equal("110", summary["Lead time: median days"]);
        Assert.Equal(4, Read("Assets").Count);                                // header + 3 assets
        var points = Read("Crossing points");
        Assert.Equal(["TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", "Garde nationale", "2", "3", "2", "2", "1", "1"], points.Single(p => p[0] == "TN-RAS-AJDIR").Take(11));
    }

    [Fact]
    public async Task The_html_report_is_self_contained_with_svg_charts_and_a_print_stylesheet()
    {
        var (grantId, _, _) = await GrantWithHistoryAsync();
        var response = await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}/report.html");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(3, html.Split("<svg").Length - 1);                     // budget, funnel, availability per crossing point
        Assert.Contains("@media print", html);
        Assert.Contains("Dehiba–Wazin", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("median 110 days, 90th percentile 118 days", html);
    }

    [Fact]
    public async Task The_html_report_is_written_in_the_language_asked_for_right_to_left_in_Arabic()
    {
        var (grantId, _, _) = await GrantWithHistoryAsync();
        var french = await _world.Admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.html?lang=fr");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french);
        Assert.Contains("<h2>Fiabilité</h2>", french);
        Assert.Contains("médiane 110 jours, 90e centile 118 jours", french);
        Assert.Contains("Budget au regard des montants engagés", french);
        Assert.DoesNotContain("<h2>Reliability</h2>", french);
        Assert.Contains("<td>Tunisie–Libye</td>", french);                     // countries by name, not ISO code

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reporting/grants/{grantId}/report.html");
        request.Headers.AcceptLanguage.ParseAdd("ar-TN, fr;q=0.8");                // what the portal sends for its user
        var arabic = await (await _world.Admin.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("<h2>الموثوقية</h2>", arabic);
        Assert.Contains("الوسيط 110 يومًا", arabic);
        Assert.Contains("<td>تونس–ليبيا</td>", arabic);

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", await _world.Admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.html"));
        var refused = await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}/report.html?lang=de");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == "lang" && v["rule"]!.GetValue<string>() == "KnownLanguage");
    }

    [Fact]
    public async Task The_iati_file_is_valid_against_the_official_2_03_schema_and_holds_no_sensitive_data()
    {
        var (grantId, donor, _) = await GrantWithHistoryAsync();
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var response = await monitor.GetAsync("/api/reporting/iati/activities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Empty(IatiSchema.Validate(xml));
        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"));
        Assert.StartsWith("XI-IATI-TEST-G-", activity.Element("iati-identifier")!.Value);
        Assert.Equal(["1", "4"], activity.Elements("participating-org").Select(o => o.Attribute("role")!.Value));
        Assert.Equal("2", activity.Element("activity-status")!.Attribute("code")!.Value);
        var transactions = activity.Elements("transaction").Select(t => (t.Element("transaction-type")!.Attribute("code")!.Value, decimal.Parse(t.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([("2", 187_500m), ("3", 250_000m), ("4", 112_500m)], transactions);
        // IATI data quality: budget periods of at most a year, consecutive, adding up to the grant.
        var budgets = activity.Elements("budget").Select(b => (Start: DateOnly.Parse(b.Element("period-start")!.Attribute("iso-date")!.Value),
            End: DateOnly.Parse(b.Element("period-end")!.Attribute("iso-date")!.Value), Value: decimal.Parse(b.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(budgets.Count > 1);
        Assert.All(budgets, b => Assert.True(b.End <= b.Start.AddYears(1).AddDays(-1) && b.End >= b.Start, $"{b.Start}–{b.End} is longer than a year"));
        Assert.All(budgets.Zip(budgets.Skip(1)), p => Assert.Equal(p.First.End.AddDays(1), p.Second.Start));
        var grantOf = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/grants/{grantId}")));
        Assert.Equal(grantOf["grant"]!["amount"]!.GetValue<decimal>(), budgets.Sum(b => b.Value));
        // The other data-quality rules written from the validator's published text: the identifier starts with the
        // reporting organisation's; no actual date, transaction or value date in the future; country percentages add up to
        // 100; every indicator has a baseline and a target.
        Assert.StartsWith(activity.Element("reporting-org")!.Attribute("ref")!.Value + "-", activity.Element("iati-identifier")!.Value);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var actualDates = activity.Elements("activity-date").Where(d => d.Attribute("type")!.Value is "2" or "4")
            .Concat(activity.Elements("transaction").Elements("transaction-date"))
            .Concat(activity.Descendants("value").Where(v => v.Parent!.Name != "budget").Select(v => new XElement("d", new XAttribute("iso-date", v.Attribute("value-date")!.Value))));
        Assert.All(actualDates, d => Assert.True(DateOnly.Parse(d.Attribute("iso-date")!.Value) <= today, $"{d} is in the future"));
        Assert.Equal(100m, activity.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(activity.Element("result")!.Elements("indicator"), i =>
        {
            Assert.NotNull(i.Element("baseline")!.Attribute("value"));
            Assert.NotNull(i.Element("period")!.Element("target")!.Attribute("value"));
        });
        var actuals = activity.Element("result")!.Elements("indicator").Select(i => i.Element("period")!.Element("actual")!.Attribute("value")!.Value);
        Assert.Equal(["3", "50.0", "66.7"], actuals);

        // Never published: exact crossing-point positions, monitors' GPS readings, allegations.
        foreach (var secret in new[] { "33.1536", "11.5637", "31.9961", "10.7054", "31.9999", "villa", "hotline", "<location" })
            Assert.DoesNotContain(secret, xml);
    }

    [Fact]
    public void The_schema_check_rejects_an_activity_missing_what_iati_requires()
    {
        const string broken = """<iati-activities version="2.03"><iati-activity><iati-identifier>X-1</iati-identifier></iati-activity></iati-activities>""";
        Assert.NotEmpty(IatiSchema.Validate(broken));
    }
}

/// <summary>The official IATI 2.03 activities schema from ../shared/standards, loaded with DTDs off.</summary>
public static class IatiSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var folder = Path.Combine(FindRoot(), "..", "shared", "standards", "iati-2.03");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Equipment.sln not found above the test binaries.");
    }
}
