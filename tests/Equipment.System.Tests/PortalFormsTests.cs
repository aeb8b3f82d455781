using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// Forms that never record wrong data, in Chromium against the real system: a refused form keeps every answer, a reload,
/// Back or a double click never records twice nor shows a browser error, a serial scanned twice is refused at once,
/// messages cannot be crafted in a link, and every page carries its security headers. (Methods start with Forms_, so
/// <c>--filter "FullyQualifiedName~PortalTests.Forms_"</c> runs them.)
/// </summary>
public sealed partial class PortalTests
{
    /// <summary>Goes back a page and checks that the browser shows the page (no "Confirm form resubmission", no ERR_CACHE_MISS).</summary>
    private static async Task BackWithoutBrowserErrorAsync(IPage page)
    {
        var response = await page.GoBackAsync();
        Assert.True(response is null || response.Status < 400, $"Back answered {response?.Status}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>A camera of a new grant, handed over and deployed at Ras Ajdir, known to donor-reporting.</summary>
    private async Task<(GrantResponse Grant, AssetResponse Asset, EquipmentApi Logistics)> DeployedCameraAsync()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (grant, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var monitorApi = await system.SignInAsync("monitor");
        await Poll.UntilAsync(() => monitorApi.Reporting.GetGrantAsync(grant.Id), g => g.Figures.Funnel.Deployed == 1, Scenario.Deadline, "donor-reporting to count the deployment");
        return (grant, assets[0], logisticsApi);
    }

    [Fact]
    public async Task Forms_a_refused_visit_keeps_every_finding_asks_what_is_unanswered_and_a_reload_or_back_records_nothing_twice()
    {
        var (grant, camera, _) = await DeployedCameraAsync();
        var monitorApi = await system.SignInAsync("monitor");
        var visit = await monitorApi.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest("TN-RAS-AJDIR", Scenario.Today, 1, Seed: 1));

        var page = await SignInAsync("monitor", 390, 844);
        await page.GotoAsync($"donor/visits/{visit.Id}");
        // Nothing is answered for the monitor.
        await Expect(page.GetByLabel("What you found")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Signs of use")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("EU visibility marking present")).ToHaveValueAsync("");

        // Relocated, no marking, signs of use forgotten: refused, every answer kept, the missing one named beside it.
        await page.GetByLabel("What you found").SelectOptionAsync(["Relocated"]);
        await page.GetByLabel("EU visibility marking present").SelectOptionAsync(["false"]);
        await page.GetByLabel("Note").FillAsync("Moved to the second lane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync($"{camera.SerialNumber} not saved: Say whether it shows signs of use.");
        await Expect(alert).Not.ToContainTextAsync("findings[");
        await Expect(page.GetByLabel("What you found")).ToHaveValueAsync("Relocated");
        await Expect(page.Locator($"#finding-{camera.Id} option[selected]")).ToHaveTextAsync("Relocated");
        await Expect(page.GetByLabel("EU visibility marking present")).ToHaveValueAsync("false");
        await Expect(page.GetByLabel("Note")).ToHaveValueAsync("Moved to the second lane");
        var signs = page.GetByLabel("Signs of use");
        await Expect(signs).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator($"[id='{await signs.GetAttributeAsync("aria-describedby")}']")).ToHaveTextAsync("Say whether it shows signs of use.");
        await ShotAsync(page, "30-monitor-visit-refused-kept");
        Assert.Empty((await monitorApi.Reporting.GetVisitAsync(visit.Id)).Findings);

        await signs.SelectOptionAsync(["true"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{camera.SerialNumber} saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the visit" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Visit recorded on " + Scenario.Today.ToString("yyyy-MM-dd"));
        await Expect(page.Locator("ul.findings")).ToContainTextAsync($"{camera.SerialNumber}: Relocated, with signs of use, no EU marking — Moved to the second lane");
        await Expect(page).ToHaveURLAsync(new Regex($"donor/visits/{visit.Id}$"));

        // A reload shows the visit, not the message again, and records nothing.
        await page.ReloadAsync();
        await Expect(page.Locator("ul.findings li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#flash")).ToHaveCountAsync(0);
        await BackWithoutBrowserErrorAsync(page);
        await BackWithoutBrowserErrorAsync(page);
        var recorded = await monitorApi.Reporting.GetVisitAsync(visit.Id);
        Assert.Equal((VisitStatus.Recorded, 1, Finding.Relocated), (recorded.Status, recorded.Findings.Count, recorded.Findings[0].Finding));
        Assert.Equal(1, (await monitorApi.Reporting.ListVisitsAsync(grant.Id)).Items.Count(v => v.Status == VisitStatus.Recorded));
    }

    [Fact]
    public async Task Forms_an_officer_raises_a_requisition_with_a_double_click_and_reloads_and_one_is_recorded_then_signs_a_contract_and_reloads()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var officerApi = await system.SignInAsync("officer");
        var specification = "Thermal monocular " + Guid.NewGuid().ToString("N")[..6];

        var officer = await SignInAsync("officer");
        await officer.GotoAsync("procurement/tenders");
        await officer.GetByLabel("Technical specification").FillAsync(specification);                // no budget line, no value: both refusals at once
        await officer.GetByRole(AriaRole.Button, new() { Name = "Raise the requisition" }).ClickAsync();
        await Expect(officer.Locator("[id='budgetLineCode-error']")).ToBeVisibleAsync();
        await Expect(officer.Locator("[id='estimatedUnitValue-error']")).ToBeVisibleAsync();
        await Expect(officer.Locator("[id='technicalSpecification-error']")).ToHaveCountAsync(0);
        await Expect(officer.GetByLabel("Technical specification")).ToHaveValueAsync(specification);
        await officer.GetByLabel("Grant and budget line").SelectOptionAsync([$"{grant.Id}|EQ-1"]);
        await officer.GetByLabel("Item category").SelectOptionAsync(["NightVisionDevice"]);
        await officer.GetByLabel("Technical specification").FillAsync(specification);
        await officer.GetByLabel("Quantity").FillAsync("3");
        await officer.GetByLabel("Estimated unit value (EUR)").FillAsync("2100");
        await officer.GetByLabel("Destination crossing point").SelectOptionAsync(["TN-DEHIBA-WAZIN"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Raise the requisition" }).DblClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync($"Requisition raised: 3 × {specification}");
        await Expect(officer.Locator("label.check").Filter(new() { HasText = specification })).ToContainTextAsync("Night-vision device");   // the label, not NightVisionDevice
        await officer.ReloadAsync();
        await Expect(officer.Locator("#flash")).ToHaveCountAsync(0);              // said once
        await BackWithoutBrowserErrorAsync(officer);
        var raised = (await officerApi.Procurement.ListRequisitionsAsync(grant.Id, pageSize: 200)).Items.Where(r => r.TechnicalSpecification == specification).ToList();
        Assert.Single(raised);

        // A refused requisition keeps what was typed and chosen.
        await officer.GotoAsync("procurement/tenders");
        await officer.GetByLabel("Grant and budget line").SelectOptionAsync([$"{grant.Id}|EQ-1"]);
        await officer.GetByLabel("Item category").SelectOptionAsync(["Radio"]);
        await officer.GetByLabel("Quantity").FillAsync("2");
        await officer.GetByLabel("Destination crossing point").SelectOptionAsync(["TN-RAS-AJDIR"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Raise the requisition" }).ClickAsync();
        await Expect(officer.Locator("[id='technicalSpecification-error']")).ToBeVisibleAsync();
        await Expect(officer.GetByLabel("Technical specification")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(officer.GetByLabel("Grant and budget line")).ToHaveValueAsync($"{grant.Id}|EQ-1");
        await Expect(officer.GetByLabel("Item category")).ToHaveValueAsync("Radio");
        await Expect(officer.GetByLabel("Destination crossing point")).ToHaveValueAsync("TN-RAS-AJDIR");
        await Expect(officer.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("technicalSpecification");   // the user's words, not the API's
        await Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Technical specification");

        // The signature of a drawn-up contract: a reload neither signs again nor shows an error.
        var supplier = await officerApi.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest("Thermovision " + Guid.NewGuid().ToString("N")[..6], "DE",
            "HRB " + Guid.NewGuid().ToString("N")[..8], "Tender desk", "tenders@thermovision.example"));
        var reference = "T-R-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var tender = await ProcurementRun.DraftAndPublishAsync(officerApi, grant.Id, reference, "Thermal cameras",
            [new RaiseRequisitionRequest(grant.Id, "EQ-1", "ThermalCamera", "Uncooled thermal camera", 1, 9_000m, "TN-RAS-AJDIR", null, Scenario.Today.AddDays(60))],
            invited: [supplier.Id]);
        await officerApi.Procurement.SubmitBidAsync(tender.Id, 1, new SubmitBidRequest(supplier.Id, DateTime.UtcNow.AddDays(-90), [new BidLineInput(1, 8_800m, "DE")]));
        await ProcurementRun.RecordCommitteeAsync(officerApi, tender.Id, Scenario.Today.AddDays(-86));
        await officerApi.Procurement.StartEvaluationAsync(tender.Id, 1);

        await officer.GotoAsync($"procurement/tenders/{tender.Id}");
        await Expect(officer.Locator("p.meta")).ToContainTextAsync("Single tender");
        // No compliance is assumed: proposing the award before answering is refused beside both answers.
        await Expect(officer.GetByLabel($"{supplier.LegalName}: administratively compliant")).ToHaveValueAsync("");
        await officer.GetByLabel($"{supplier.LegalName}: technically compliant").SelectOptionAsync(["true"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation and propose the award" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).ToContainTextAsync("administratively and technically compliant");
        await Expect(officer.GetByLabel($"{supplier.LegalName}: technically compliant")).ToHaveValueAsync("true");
        await Expect(officer.GetByLabel($"{supplier.LegalName}: administratively compliant")).ToHaveAttributeAsync("aria-invalid", "true");
        await officer.GetByLabel($"{supplier.LegalName}: administratively compliant").SelectOptionAsync(["true"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation and propose the award" }).ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("Evaluation recorded");
        await officer.GetByLabel("Bidders notified on").FillAsync(Day(-80));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start the standstill" }).ClickAsync();
        await officer.GetByLabel("Award decided on").FillAsync(Day(-70));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Award" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Draw up the contract" }).ClickAsync();
        await officer.GetByLabel("Signed on").FillAsync(Day(-65));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await Expect(officer.Locator("#flash")).ToContainTextAsync("Contract signed");
        var response = await officer.ReloadAsync();
        Assert.Equal(200, response!.Status);
        await Expect(officer.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Record the signature" })).ToHaveCountAsync(0);
        await BackWithoutBrowserErrorAsync(officer);
        var contracts = (await officerApi.Procurement.ListContractsAsync(grant.Id, pageSize: 200)).Items.Where(c => c.TenderId == tender.Id).ToList();
        Assert.Equal(ContractStatus.Signed, Assert.Single(contracts).Status);
        var trail = await officerApi.Procurement.GetAuditTrailAsync("Contract", contracts[0].Id.ToString());
        Assert.Equal(["Created", "Changed"], trail.Select(e => e.Action));                           // signed once
    }

    [Fact]
    public async Task Forms_a_serial_scanned_twice_on_a_goods_received_note_is_refused_at_once_and_reloads_after_the_note_and_the_handover_record_nothing()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 2);
        var logisticsApi = await system.SignInAsync("logistics");
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");

        var page = await SignInAsync("logistics");
        await page.GotoAsync($"logistics/contracts/{contract.Id}/dispatch");
        await page.GetByLabel("Waybill number").FillAsync("WB-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Carrier").FillAsync("DHL");
        await page.GetByLabel("Dispatched on").FillAsync(Day(-4));
        await page.GetByLabel("Expected arrival").FillAsync(Day(-1));
        foreach (var line in expected.Items.Where(l => l.Id != camera.Id))
            await page.GetByLabel($"Units of line {line.ContractLineNumber}").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the shipment" }).DblClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("recorded: record its arrival");
        await page.ReloadAsync();
        Assert.Single((await logisticsApi.Inventory.ListShipmentsAsync(contract.Id)).Items);
        await page.GetByLabel("Arrived on").FillAsync(Day(-1));
        await page.GetByLabel("At warehouse").SelectOptionAsync([warehouse]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the arrival" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Arrival recorded");

        // The second scan of one serial is refused at once, by the page, before anything is sent.
        var serial = "DS-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var entry = page.GetByLabel("Serial number", new() { Exact = true });
        await entry.FillAsync(serial);
        await entry.PressAsync("Enter");
        await Expect(page.GetByText("1 of 2 serial numbers entered")).ToBeVisibleAsync();
        var scans = 0;
        page.Request += (_, request) => { if (request.Method == "POST") scans++; };
        await page.GetByLabel("Serial number", new() { Exact = true }).FillAsync(serial.ToLowerInvariant());
        await page.GetByLabel("Serial number", new() { Exact = true }).PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"{serial.ToLowerInvariant()} is already on this note (line {camera.ContractLineNumber}): scanned twice?");
        await Expect(page.GetByLabel("Serial number", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, scans);
        await ShotAsync(page, "31-logistics-double-scan-refused");

        // Typed into the list by hand, the server refuses it before calling inventory, naming the serial.
        await page.GetByLabel("Serial numbers entered (one per line)").FillAsync($"{serial}\n{serial}");
        await page.GetByLabel("Serial number", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the goods received note" }).ClickAsync();
        await Expect(page.Locator("[id='lines[0].units-error']")).ToHaveTextAsync($"{serial} is entered 2 times: each unit has its own serial number.");
        await Expect(page.Locator("[id='lines[0].visibilityMarking-error']")).ToContainTextAsync("EU visibility marking");   // said at once, not in a second round
        Assert.Empty((await logisticsApi.Inventory.ListAssetsAsync(contractId: contract.Id, pageSize: 200)).Items);

        // Corrected: the marking must be answered, then the note is recorded once, whatever a reload does.
        await page.GetByLabel("Serial numbers entered (one per line)").FillAsync($"{serial}\n{serial}-2");
        await page.GetByLabel("Manufacturer").FillAsync("Thermovision");
        await page.GetByLabel("Model").FillAsync("TV-LW320");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the goods received note" }).ClickAsync();
        await Expect(page.Locator("[id='lines[0].visibilityMarking-error']")).ToContainTextAsync("EU visibility marking");
        await page.GetByLabel("EU visibility marking on every unit").SelectOptionAsync(["false"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the goods received note" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("2 assets registered");
        await page.ReloadAsync();
        await BackWithoutBrowserErrorAsync(page);
        var received = (await logisticsApi.Inventory.ListAssetsAsync(contractId: contract.Id, pageSize: 200)).Items;
        Assert.Equal(2, received.Count);

        // The handover: nothing ticked for the user; recorded once however often it is reloaded or clicked.
        await page.GotoAsync($"logistics/handover?grant={grant.Id}");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(0);
        await page.GetByLabel("Place").FillAsync("Ben Gardane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the handover" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("tick the assets handed over");
        await Expect(page.GetByLabel("Place")).ToHaveValueAsync("Ben Gardane");
        foreach (var asset in received) await page.GetByRole(AriaRole.Checkbox, new() { Name = $"{asset.SerialNumber} —" }).CheckAsync();
        await page.GetByLabel("Border authority receiving").FillAsync("Garde nationale (Tunisia)");
        await page.GetByLabel("Handed over by (name)").FillAsync("Sophie Laurent");
        await page.Locator("#from-role").FillAsync("ICMPD project manager");
        await page.GetByLabel("Received by (name)").FillAsync("Col. Mohamed Ben Salah");
        await page.Locator("#to-role").FillAsync("Director of border equipment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the handover" }).DblClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("received 2 assets at Ben Gardane");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Print the certificate" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await BackWithoutBrowserErrorAsync(page);
        var handedOver = (await logisticsApi.Inventory.ListAssetsAsync(contractId: contract.Id, pageSize: 200)).Items;
        Assert.All(handedOver, a => Assert.Equal(AssetStatus.HandedOver, a.Status));
    }

    [Fact]
    public async Task Forms_a_technician_reports_a_fault_with_a_double_click_and_a_reload_and_one_work_order_is_opened()
    {
        var (_, camera, _) = await DeployedCameraAsync();
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == camera.Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");

        var page = await SignInAsync("technician");
        await page.GotoAsync("maintenance/work-orders");
        await page.Locator("#f-asset").SelectOptionAsync([camera.Id.ToString()]);
        await page.GetByLabel("Severity").SelectOptionAsync(["Critical"]);
        await page.GetByLabel("Open a corrective work order for it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();   // no symptom: refused, the choices kept
        await Expect(page.Locator("[id='symptom-error']")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-asset")).ToHaveValueAsync(camera.Id.ToString());
        await Expect(page.GetByLabel("Severity")).ToHaveValueAsync("Critical");
        await page.GetByLabel("Symptom").FillAsync("Housing cracked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report" }).DblClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("corrective work order opened");
        await page.ReloadAsync();
        await BackWithoutBrowserErrorAsync(page);
        var orders = await technicianApi.Maintenance.ListWorkOrdersAsync(camera.Id);
        Assert.Single(orders);
        await page.GotoAsync("maintenance/work-orders");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = camera.SerialNumber });
        await Expect(row).ToContainTextAsync("Corrective");

        // A step refused (completed the day before the work started) comes back with what the row's form held.
        await technicianApi.Maintenance.ScheduleAsync(orders[0].Id, new ScheduleWorkOrderRequest(Scenario.Today, "technician"));
        await technicianApi.Maintenance.StartAsync(orders[0].Id);
        await page.ReloadAsync();
        await row.GetByLabel("Completed on").FillAsync(Day(-1));
        await row.GetByLabel("Outcome").FillAsync("Housing replaced");
        await row.GetByLabel("Part used (optional)").FillAsync("Front housing");
        await row.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(page.Locator("#flash[role=alert]")).ToBeVisibleAsync();
        await Expect(page.Locator("#flash")).Not.ToContainTextAsync("completedOn");
        await Expect(row.GetByLabel("Outcome")).ToHaveValueAsync("Housing replaced");
        await Expect(row.GetByLabel("Part used (optional)")).ToHaveValueAsync("Front housing");
        await Expect(row.GetByLabel("Completed on")).ToHaveValueAsync(Day(-1));
        Assert.Equal(WorkOrderStatus.InProgress, (await technicianApi.Maintenance.GetWorkOrderAsync(orders[0].Id)).Status);
    }

    [Fact]
    public async Task Forms_a_crafted_message_in_the_address_shows_nothing_and_a_real_one_is_shown_once()
    {
        var page = await SignInAsync("technician");
        foreach (var crafted in new[] { "maintenance/work-orders?done=Your+account+is+locked", "maintenance/work-orders?problem=Call+0800+now",
                     "logistics/stock-takes?done=Transfer+approved" })
        {
            await page.GotoAsync(crafted);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("main")).Not.ToContainTextAsync(new Regex("locked|0800|approved"));
        }
        // A message cookie made up by hand is not shown either: only the portal's own (encrypted and signed) ones are.
        await page.Context.AddCookiesAsync([new Cookie { Name = "equipment.flash", Value = "{\"Text\":\"Forged\"}", Url = system.Gateway.ToString() }]);
        await page.GotoAsync("maintenance/work-orders");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Forged");
    }

    [Fact]
    public async Task Forms_every_page_carries_its_security_headers_and_the_error_page_a_reference_to_quote()
    {
        var page = await SignInAsync("admin");
        foreach (var path in new[] { "", "signin", "procurement/tenders", "logistics/assets", "maintenance/work-orders", "donor/grants", "no-such-page" })
        {
            var response = await page.GotoAsync(path);
            var headers = await response!.AllHeadersAsync();
            Assert.True(headers.TryGetValue("content-security-policy", out var policy), $"/{path} has no Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("script-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
        }
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        await page.GotoAsync("procurement/tenders");
        await page.GetByLabel("Find a supplier").FillAsync("no supplier is called this");       // the page script runs under the policy
        await Expect(page.Locator("#t-invited li:visible")).ToHaveCountAsync(0);
        Assert.Empty(violations);

        await page.GotoAsync("error");
        var reference = page.Locator("#correlation-id");
        await Expect(reference).ToHaveTextAsync(new Regex("^[0-9a-f]{32}$"));
    }

    [Fact]
    public async Task Forms_a_form_is_not_sent_after_the_session_ended_and_keeps_what_was_typed()
    {
        var page = await SignInAsync("officer");
        await page.GotoAsync("procurement/suppliers");
        var name = "Late Supplier " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Legal name").FillAsync(name);
        // The session ends (as the page's clock sees it) while the form is filled in, and the cookie is gone.
        await page.EvaluateAsync("() => document.body.dataset.sessionEnds = String(Math.floor(Date.now() / 1000) - 1)");
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("What you typed is still here");
        await Expect(page).ToHaveURLAsync(new Regex("procurement/suppliers$"));
        await Expect(page.GetByLabel("Legal name")).ToHaveValueAsync(name);

        // Signed in again in another tab, the same form goes through.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("signin");
        await other.GetByLabel("User name").FillAsync("officer");
        await other.GetByLabel("Password").FillAsync("demo");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await page.GetByLabel("Country of establishment").SelectOptionAsync(new SelectOptionValue { Label = "Belgium" });
        await page.GetByLabel("Registration number").FillAsync("BE " + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Contact name").FillAsync("Desk");
        await page.GetByLabel("Contact e-mail").FillAsync("desk@late.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{name} is registered");
    }
}
