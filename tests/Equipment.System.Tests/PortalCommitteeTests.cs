using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>The evaluation committee in the portal: recorded on the tender page before the bids are opened, and named in the evaluation report.</summary>
public sealed partial class PortalTests
{
    /// <summary>Fills in the committee form of the tender page open in <paramref name="page"/>: a chair, a secretary and three voting evaluators, declared on <paramref name="declaredOn"/>.</summary>
    private static async Task RecordCommitteeThroughTheFormAsync(IPage page, string declaredOn)
    {
        await page.GetByLabel("Chair: name").FillAsync("Amira Ben Youssef");
        await page.GetByLabel("Chair: declaration signed on").FillAsync(declaredOn);
        await page.GetByLabel("Secretary: name").FillAsync("Luca Bianchi");
        await page.GetByLabel("Secretary: declaration signed on").FillAsync(declaredOn);
        foreach (var (n, name) in new[] { (1, "Sami Trabelsi"), (2, "Elena Petrović"), (3, "Jonas Weber") })
        {
            await page.GetByLabel($"Evaluator {n}: name").FillAsync(name);
            await page.GetByLabel($"Evaluator {n}: declaration signed on").FillAsync(declaredOn);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the committee" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Evaluation committee recorded");
    }

    [Fact]
    public async Task An_officer_records_the_evaluation_committee_before_opening_the_bids_and_the_report_names_it()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var officerApi = await system.SignInAsync("officer");
        var supplier = await officerApi.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest("Optique Frontière " + Guid.NewGuid().ToString("N")[..6], "FR",
            "RCS " + Guid.NewGuid().ToString("N")[..8], "Tender desk", "tenders@optique.example"));
        // A single tender whose submission closed 85 days ago, with one bid: the bids are waiting to be opened.
        var tender = await ProcurementRun.DraftAndPublishAsync(officerApi, grant.Id, "T-EC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Thermal binoculars",
            [new RaiseRequisitionRequest(grant.Id, "EQ-1", "ThermalCamera", "Handheld thermal binocular", 2, 4_800m, "TN-RAS-AJDIR", null, Scenario.Today.AddDays(60))],
            invited: [supplier.Id]);
        await officerApi.Procurement.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(supplier.Id, DateTime.UtcNow.AddDays(-90), [new BidLineInput(1, 4_650m, "FR")]));

        var officer = await SignInAsync("officer");
        await officer.GotoAsync($"procurement/tenders/{tender.Id}");
        await Expect(officer.Locator("section.card p.warning").First).ToContainTextAsync("asks for the committee before the bids are opened");

        // Opening without the committee is refused, in the service's words.
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the evaluation" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("evaluation committee");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Lot 1: Thermal binoculars — SubmissionClosed" })).ToBeVisibleAsync();

        // Four evaluators, the second without a declaration: refused beside her row, and what was typed stays.
        var declared = Day(-86);
        await officer.GetByLabel("Chair: name").FillAsync("Amira Ben Youssef");
        await officer.GetByLabel("Chair: function").FillAsync("Procurement lead, ICMPD");
        await officer.GetByLabel("Chair: declaration signed on").FillAsync(declared);
        await officer.GetByLabel("Secretary: name").FillAsync("Luca Bianchi");
        await officer.GetByLabel("Secretary: declaration signed on").FillAsync(declared);
        var evaluators = new[] { "Sami Trabelsi", "Elena Petrović", "Jonas Weber", "Karim Haddad" };
        for (var i = 0; i < evaluators.Length; i++)
        {
            await officer.GetByLabel($"Evaluator {i + 1}: name").FillAsync(evaluators[i]);
            if (i != 1) await officer.GetByLabel($"Evaluator {i + 1}: declaration signed on").FillAsync(declared);
        }
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the committee" }).ClickAsync();
        await Expect(officer.Locator("[id='evaluators[1].declarationSignedOn-error']")).ToContainTextAsync("Elena Petrović, has not signed the declaration");
        await Expect(officer.GetByLabel("Chair: function")).ToHaveValueAsync("Procurement lead, ICMPD");
        await Expect(officer.GetByLabel("Evaluator 4: name")).ToHaveValueAsync("Karim Haddad");
        await Expect(officer.GetByLabel("Evaluator 1: declaration signed on")).ToHaveValueAsync(declared);
        await ShotAsync(officer, "10-officer-committee-refused");

        // Her declaration added: four voting evaluators are an even number, said beside the evaluators.
        await officer.GetByLabel("Evaluator 2: declaration signed on").FillAsync(declared);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the committee" }).ClickAsync();
        await Expect(officer.Locator("[id='evaluators-error']")).ToContainTextAsync("odd number of voting evaluators");
        await Expect(officer.GetByLabel("Evaluator 2: declaration signed on")).ToHaveValueAsync(declared);

        // Without the fourth: recorded, shown, and the bids can be opened.
        await officer.GetByLabel("Evaluator 4: name").FillAsync("");
        await officer.GetByLabel("Evaluator 4: declaration signed on").FillAsync("");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the committee" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("a chair, a secretary and 3 voting evaluators");
        var chair = officer.Locator("table.committee").GetByRole(AriaRole.Row).Filter(new() { HasText = "Chair (non-voting)" }).GetByRole(AriaRole.Cell);
        await Expect(chair).ToHaveTextAsync(["Chair (non-voting)", "Amira Ben Youssef", "Procurement lead, ICMPD", declared]);
        await Expect(officer.Locator("table.committee").GetByRole(AriaRole.Row).Filter(new() { HasText = "Evaluator 3 (voting)" })).ToContainTextAsync("Jonas Weber");
        await Expect(officer.GetByLabel("Evaluator 2: name")).ToHaveValueAsync("Elena Petrović");          // the form now holds the recorded committee
        await ShotAsync(officer, "11-officer-committee-recorded");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the evaluation" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Evaluation opened");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Replace the committee" })).ToHaveCountAsync(0);   // opened: it stays
        await Expect(officer.Locator("section.card p.note").Filter(new() { HasText = "Recorded" })).ToContainTextAsync("it stays as recorded");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation and propose the award" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Evaluation report" })).ToBeVisibleAsync();

        // The printable report, through the portal's download link: the committee with each declaration's date.
        var report = await officer.APIRequest.GetAsync($"files/api/procurement/tenders/{tender.Id}/lots/1/evaluation-report.html");
        Assert.Equal(200, report.Status);
        var html = await report.TextAsync();
        Assert.Contains($"<tr><td>Chair (non-voting)</td><td>Amira Ben Youssef</td><td>Procurement lead, ICMPD</td><td>{declared}</td></tr>", html);
        Assert.Contains($"<tr><td>Secretary (non-voting)</td><td>Luca Bianchi</td><td></td><td>{declared}</td></tr>", html);
        Assert.Contains($"<tr><td>Evaluator 2 (voting)</td><td>Elena Petrović</td><td></td><td>{declared}</td></tr>", html);
        Assert.DoesNotContain("Karim Haddad", html);
    }
}
