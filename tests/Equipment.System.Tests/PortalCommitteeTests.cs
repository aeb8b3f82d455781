using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// The evaluation committee in the portal: recorded on the tender page before the bids are opened, and named in the
/// evaluation report. And the History sections of the record pages: who did what, when, in which role.
/// </summary>
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
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Lot 1: Thermal binoculars — Submission closed" })).ToBeVisibleAsync();

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
        await officer.GetByLabel($"{supplier.LegalName}: administratively compliant").SelectOptionAsync(["true"]);   // nothing is answered for the committee
        await officer.GetByLabel($"{supplier.LegalName}: technically compliant").SelectOptionAsync(["true"]);
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

    [Fact]
    public async Task A_contract_signed_in_the_portal_shows_in_its_history_with_the_officers_name()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var officerApi = await system.SignInAsync("officer");
        var supplier = await officerApi.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest("Thermovision " + Guid.NewGuid().ToString("N")[..6], "DE",
            "HRB " + Guid.NewGuid().ToString("N")[..8], "Tender desk", "tenders@thermovision.example"));
        var reference = "T-H-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var tender = await ProcurementRun.DraftAndPublishAsync(officerApi, grant.Id, reference, "Thermal cameras",
            [new RaiseRequisitionRequest(grant.Id, "EQ-1", "ThermalCamera", "Uncooled thermal camera", 1, 9_000m, "TN-RAS-AJDIR", null, Scenario.Today.AddDays(60))],
            invited: [supplier.Id]);
        var now = DateTime.UtcNow;
        await officerApi.Procurement.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(supplier.Id, now.AddDays(-90), [new BidLineInput(1, 8_800m, "DE")]));
        await ProcurementRun.RecordCommitteeAsync(officerApi, tender.Id, Scenario.Today.AddDays(-86));
        await officerApi.Procurement.StartEvaluationAsync(tender.Id, 1);
        var bid = Assert.Single(await officerApi.Procurement.ListBidsAsync(tender.Id, 1));
        await officerApi.Procurement.EvaluateBidAsync(tender.Id, bid.Id, new EvaluateBidRequest(true, true));
        await officerApi.Procurement.ProposeAwardAsync(tender.Id, 1);
        await officerApi.Procurement.StartStandstillAsync(tender.Id, 1, new StartStandstillRequest(Scenario.Today.AddDays(-80)));
        await officerApi.Procurement.DecideAwardAsync(tender.Id, 1, new DecideAwardRequest(Scenario.Today.AddDays(-70)));
        var draft = await officerApi.Procurement.DraftContractAsync(tender.Id, 1, new DraftContractRequest("C-H-" + reference[4..], 24));

        // The officer signs it on the tender page, then opens the contract's own page.
        var officer = await SignInAsync("officer");
        await officer.GotoAsync($"procurement/tenders/{tender.Id}");
        await officer.GetByLabel("Signed on").FillAsync(Day(-65));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Contract signed");
        var tenderHistory = officer.Locator("#tender-history").Locator("..");
        await Expect(tenderHistory.GetByRole(AriaRole.Row).Filter(new() { HasText = "evaluation committee" })).ToContainTextAsync("officer (procurement officer)");

        await officer.GetByRole(AriaRole.Link, new() { Name = draft.Reference }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Contract {draft.Reference}" })).ToBeVisibleAsync();
        var rows = officer.Locator("section.history tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First.GetByRole(AriaRole.Cell)).ToHaveTextAsync([new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"), new Regex("^officer \\(procurement officer\\)$"), new Regex("^Changed$"), new Regex("signed on")]);
        await Expect(rows.First.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("status");
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Recorded");
        await ShotAsync(officer, "12-officer-contract-history");
        var trail = await officerApi.Procurement.GetAuditTrailAsync("Contract", draft.Id.ToString());
        Assert.Equal(["Created", "Changed"], trail.Select(e => e.Action));

        // The agreement's history is the administrator's to read; a monitor's grant page leaves it out.
        var admin = await SignInAsync("admin");
        await admin.GotoAsync($"donor/grants/{grant.Id}");
        await Expect(admin.Locator("section.history").GetByRole(AriaRole.Row).Filter(new() { HasText = "Recorded" })).ToContainTextAsync("admin (administrator)");
        var monitor = await SignInAsync("monitor");
        await monitor.GotoAsync($"donor/grants/{grant.Id}");
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Name = "Reliability" })).ToBeVisibleAsync();
        await Expect(monitor.Locator("section.history")).ToHaveCountAsync(0);
        await Expect(monitor.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_deployment_and_a_work_order_show_in_their_history_with_who_did_them()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 1);
        var logisticsApi = await system.SignInAsync("logistics");
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        var serial = "TC-" + Guid.NewGuid().ToString("N")[..6];
        var assets = await InventoryRun.ShipAndReceiveAsync(logisticsApi, expected.Items, [new Arrival(camera.ContractLineNumber, 1, 0, "Thermovision", "TV-LW320", serial)],
            "WB-" + Guid.NewGuid().ToString("N")[..8], "DHL", warehouse, Scenario.Today.AddDays(-3), Scenario.Today.AddDays(-1));
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));

        // Logistics deploys the camera in the portal: its passport's History names them.
        var logistics = await SignInAsync("logistics");
        await logistics.GotoAsync($"logistics/assets/{assets[0].Id}");
        await logistics.GetByLabel("Agreed crossing point").SelectOptionAsync(["TN-RAS-AJDIR"]);
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Deploy" }).ClickAsync();
        await Expect(logistics.GetByRole(AriaRole.Status)).ToContainTextAsync("Deployed at Ras Ajdir");
        await Expect(logistics.Locator("section.history tbody tr").First).ToContainTextAsync("logistics (logistics officer)");
        await Expect(logistics.Locator("section.history tbody tr").First.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("crossing point code");

        // A technician's work order page: opened through the API, scheduled in the portal, its History says by whom.
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == assets[0].Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var order = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(assets[0].Id, WorkOrderKind.Preventive, null));
        var technician = await SignInAsync("technician");
        await technician.GotoAsync("maintenance/work-orders");
        var row = technician.GetByRole(AriaRole.Row).Filter(new() { HasText = serial });
        await row.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Status)).ToContainTextAsync("Work order scheduled");
        var registered = (await logisticsApi.Inventory.GetAssetAsync(assets[0].Id)).SerialNumber;                  // the unit's serial as received
        await technician.GetByRole(AriaRole.Link, new() { Name = $"Preventive work order on {registered}: details and history" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Heading, new() { Name = $"Preventive work order on {registered}" })).ToBeVisibleAsync();
        var history = technician.Locator("section.history tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("technician (maintenance technician)");
        await Expect(history.First.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("scheduled for");
        Assert.Equal(order.Id, (await technicianApi.Maintenance.GetWorkOrderAsync(order.Id)).Id);
    }
}
