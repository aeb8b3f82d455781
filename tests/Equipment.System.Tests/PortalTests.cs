using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// The portal in Debian's Chromium against the real system: an officer takes a tender to a signed contract, logistics
/// receives the goods and deploys one, the donor's monitor sees it on the dashboard and records a verification finding.
/// Screenshots of each step are kept in artifacts/screenshots.
/// </summary>
public sealed partial class PortalTests(PortalSystem system) : IClassFixture<PortalSystem>, IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(EquipmentSystem.FindRepositoryRoot(), "artifacts", "screenshots");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <param name="bypassCsp">for the accessibility test only, which injects axe-core as an inline script</param>
    /// <param name="geolocation">the position the browser gives the page (geolocation granted), for a monitor on a phone</param>
    private async Task<IPage> SignInAsync(string username, int width = 1280, int height = 900, bool bypassCsp = false, Geolocation? geolocation = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.Gateway.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, BypassCSP = bypassCsp,
            Geolocation = geolocation, Permissions = geolocation is null ? null : ["geolocation"],
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("signin");
        await page.GetByLabel("User name").FillAsync(username);
        await page.GetByLabel("Password").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        return page;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Reloads until the locator shows: what another service learns arrives through events, a moment later.</summary>
    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator, string what)
    {
        var deadline = DateTime.UtcNow + Scenario.Deadline;
        while (await locator.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {Scenario.Deadline.TotalSeconds:F0} s for {what}");
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
    }

    private static string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_officer_logistics_and_a_monitor_take_equipment_from_tender_to_verified_use()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var admin = await system.SignInAsync("admin");
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await (await system.SignInAsync("logistics")).Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "ICMPD warehouse " + warehouse, "TN", "Charguia II, Tunis"));
        var supplier = "Optique Frontière " + Guid.NewGuid().ToString("N")[..6];
        var tenderReference = "T-UI-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var specification = "Handheld thermal binocular " + Guid.NewGuid().ToString("N")[..6];

        // The procurement officer: a supplier, a requisition, a single tender, a bid, the evaluation committee, evaluation, award and a signed contract.
        var officer = await SignInAsync("officer");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Suppliers" }).First.ClickAsync();
        await officer.GetByLabel("Legal name").FillAsync(supplier);
        await officer.GetByLabel("Country of establishment").SelectOptionAsync(new SelectOptionValue { Label = "France" });
        await officer.GetByLabel("Registration number").FillAsync("RCS " + Guid.NewGuid().ToString("N")[..8]);
        await officer.GetByLabel("Contact name").FillAsync("Tender desk");
        await officer.GetByLabel("Contact e-mail").FillAsync("tenders@optique.example");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync($"{supplier} is registered");

        await officer.GetByRole(AriaRole.Link, new() { Name = "Tenders" }).First.ClickAsync();
        await officer.GetByLabel("Grant and budget line").SelectOptionAsync([$"{grant.Id}|EQ-1"]);
        await officer.GetByLabel("Technical specification").FillAsync(specification);
        await officer.GetByLabel("Quantity").FillAsync("2");
        await officer.GetByLabel("Estimated unit value (EUR)").FillAsync("4800");
        await officer.GetByLabel("Destination crossing point").SelectOptionAsync(["TN-RAS-AJDIR"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Raise the requisition" }).ClickAsync();

        await officer.GetByLabel(new Regex(Regex.Escape(specification))).CheckAsync();
        await officer.GetByLabel("Tender reference").FillAsync(tenderReference);
        await officer.GetByLabel("Title").FillAsync("Thermal binoculars for Ras Ajdir");
        await officer.GetByLabel("Find a supplier").FillAsync(supplier);                  // the checklist narrowed to them
        await officer.GetByLabel($"{supplier} (France)").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Create the tender" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(tenderReference) })).ToBeVisibleAsync();
        await Expect(officer.Locator("p.meta")).ToContainTextAsync("Single tender");

        await officer.GetByLabel("Published on").FillAsync(Day(-40));
        await officer.GetByLabel("Submission deadline").FillAsync(Day(-30));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await officer.GetByLabel("Supplier").SelectOptionAsync(new SelectOptionValue { Label = $"{supplier} (France)" });
        await officer.GetByLabel("Received on").FillAsync(Day(-35));
        await officer.GetByLabel(new Regex("Unit price, line 1")).FillAsync("4650");
        await officer.GetByLabel("Country of origin").SelectOptionAsync(["FR"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the bid" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Bid recorded");
        await RecordCommitteeThroughTheFormAsync(officer, Day(-31));                // PRAG 2021/2024: before the bids are opened
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open the evaluation" }).ClickAsync();
        await officer.GetByLabel($"{supplier}: administratively compliant").SelectOptionAsync(["true"]);
        await officer.GetByLabel($"{supplier}: technically compliant").SelectOptionAsync(["true"]);
        await ShotAsync(officer, "01-officer-evaluation-grid");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation and propose the award" }).ClickAsync();
        await officer.GetByLabel("Bidders notified on").FillAsync(Day(-25));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Start the standstill" }).ClickAsync();
        await officer.GetByLabel("Award decided on").FillAsync(Day(-12));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Award" }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Draw up the contract" }).ClickAsync();
        await officer.GetByLabel("Signed on").FillAsync(Day(-10));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the signature" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Contract signed");
        var contractReference = "C-UI-" + tenderReference[5..];
        await Expect(officer.Locator("section.card p").Filter(new() { HasText = contractReference })).ToContainTextAsync($"Signed on {Day(-10)}");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Record the signature" })).ToHaveCountAsync(0);
        await ShotAsync(officer, "02-officer-contract-signed");

        // Logistics: the shipment, its arrival, the goods received note with fast serial entry, the handover, a deployment.
        var logistics = await SignInAsync("logistics");
        await logistics.GotoAsync("logistics/deliveries");
        var row = logistics.GetByRole(AriaRole.Row).Filter(new() { HasText = contractReference });
        await ReloadUntilVisibleAsync(logistics, row, "inventory to expect the contract's delivery");
        await row.GetByRole(AriaRole.Link, new() { Name = "Record a shipment" }).ClickAsync();
        await logistics.GetByLabel("Waybill number").FillAsync("WB-" + Guid.NewGuid().ToString("N")[..8]);
        await logistics.GetByLabel("Carrier").FillAsync("DHL Global Forwarding");
        await logistics.GetByLabel("Dispatched on").FillAsync(Day(-6));
        await logistics.GetByLabel("Expected arrival").FillAsync(Day(-1));
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Record the shipment" }).ClickAsync();
        await logistics.GetByLabel("Arrived on").FillAsync(Day(-1));
        await logistics.GetByLabel("At warehouse").SelectOptionAsync([warehouse]);
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Record the arrival" }).ClickAsync();

        var serials = new[] { "OF-" + Guid.NewGuid().ToString("N")[..6], "OF-" + Guid.NewGuid().ToString("N")[..6] };
        foreach (var serial in serials)
        {
            await logistics.GetByLabel("Serial number", new() { Exact = true }).FillAsync(serial);
            await logistics.GetByLabel("Serial number", new() { Exact = true }).PressAsync("Enter");
        }
        await Expect(logistics.GetByText("2 of 2 serial numbers entered")).ToBeVisibleAsync();
        await Expect(logistics.GetByLabel("Serial number", new() { Exact = true })).ToBeFocusedAsync();
        await logistics.GetByLabel("Manufacturer").FillAsync("Optique Frontière");
        await logistics.GetByLabel("Model").FillAsync("OF-HB640");
        await logistics.GetByLabel("EU visibility marking on every unit").SelectOptionAsync(["true"]);
        await logistics.GetByLabel("Evidence of the marking (photo reference)").FillAsync("photos/marking-batch-1.jpg");
        await ShotAsync(logistics, "03-logistics-goods-receipt");
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Record the goods received note" }).ClickAsync();
        await ShotAsync(logistics, "03b-logistics-goods-received");
        await Expect(logistics.GetByRole(AriaRole.Status).Filter(new() { HasText = "Goods received note" })).ToContainTextAsync("2 assets registered");

        await logistics.GetByRole(AriaRole.Link, new() { Name = "Hand them over to the border authority" }).ClickAsync();
        foreach (var serial in serials) await logistics.GetByLabel(new Regex(Regex.Escape(serial))).CheckAsync();
        await logistics.GetByLabel("Place").FillAsync("Ben Gardane");
        await logistics.GetByLabel("Border authority receiving").FillAsync("Garde nationale (Tunisia)");
        await logistics.GetByLabel("Handed over by (name)").FillAsync("Sophie Laurent");
        await logistics.Locator("#from-role").FillAsync("ICMPD project manager");
        await logistics.GetByLabel("Received by (name)").FillAsync("Col. Mohamed Ben Salah");
        await logistics.Locator("#to-role").FillAsync("Director of border equipment");
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Record the handover" }).ClickAsync();
        await Expect(logistics.GetByRole(AriaRole.Status)).ToContainTextAsync("Handover certificate");

        await logistics.GotoAsync("logistics/assets?status=HandedOver");
        await logistics.GetByRole(AriaRole.Link, new() { Name = serials[0] }).ClickAsync();
        await logistics.GetByLabel("Agreed crossing point").SelectOptionAsync(["TN-RAS-AJDIR"]);
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Deploy" }).ClickAsync();
        await Expect(logistics.GetByRole(AriaRole.Status)).ToContainTextAsync("Deployed at Ras Ajdir");
        await ShotAsync(logistics, "04-logistics-passport-deployed");

        // The EU monitor, on a phone-sized screen: the dashboard counts the deployment; a visit records a finding.
        var monitor = await SignInAsync("monitor", 390, 844);
        await monitor.GotoAsync($"donor/grants/{grant.Id}");
        var deployed = monitor.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ras Ajdir" }).GetByRole(AriaRole.Cell).Nth(4);
        var deadline = DateTime.UtcNow + Scenario.Deadline;
        while ((await deployed.TextContentAsync())?.Trim() != "1")
        {
            Assert.True(DateTime.UtcNow < deadline, "the dashboard to count the deployment at Ras Ajdir");
            await monitor.WaitForTimeoutAsync(500);
            await monitor.ReloadAsync();
        }
        await Expect(monitor.Locator("svg title").First).ToHaveTextAsync("Units at each step");
        await ShotAsync(monitor, "05-donor-dashboard");
        var csv = await monitor.APIRequest.GetAsync($"files/api/reporting/grants/{grant.Id}/report.csv");      // the download link, with the sign-in cookie
        Assert.Equal(200, csv.Status);
        Assert.Contains(serials[0], await csv.TextAsync());
        Assert.Equal(404, (await monitor.APIRequest.GetAsync("files/api/reporting/donors")).Status);            // not a file: the portal is no open proxy
        await monitor.GetByLabel("Crossing point", new() { Exact = true }).SelectOptionAsync(["TN-RAS-AJDIR"]);
        await monitor.GetByLabel("Sample size").FillAsync("1");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Plan a visit" }).ClickAsync();
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Name = "Verification visit" })).ToBeVisibleAsync();
        await monitor.GetByLabel("What you found").SelectOptionAsync(["FoundAsExpected"]);
        await monitor.GetByLabel("Signs of use").SelectOptionAsync(["true"]);
        await monitor.GetByLabel("EU visibility marking present").SelectOptionAsync(["true"]);
        await monitor.GetByLabel("Latitude").FillAsync("33.1536");
        await monitor.GetByLabel("Longitude").FillAsync("11.5637");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        await Expect(monitor.Locator("#flash")).ToContainTextAsync(serials[0] + " saved.");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Complete the visit" }).ClickAsync();
        await Expect(monitor.Locator("#flash")).ToContainTextAsync("Visit recorded on");
        await Expect(monitor.Locator("ul.findings")).ToContainTextAsync(serials[0] + ": Found where expected, with signs of use, EU marking present");
        await ShotAsync(monitor, "06-donor-visit-recorded");

        var report = await admin.Reporting.GetGrantAsync(grant.Id);
        Assert.Equal(1, report.Figures.Verification.Verified);
    }

    [Fact]
    public async Task A_technician_reports_a_fault_and_takes_its_work_order_to_completion()
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
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == assets[0].Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");

        var technician = await SignInAsync("technician");
        await technician.GetByRole(AriaRole.Link, new() { Name = "Work orders" }).First.ClickAsync();
        await technician.Locator("#f-asset").SelectOptionAsync([assets[0].Id.ToString()]);
        await technician.GetByLabel("Symptom").FillAsync("No image after dusk");
        await technician.GetByLabel("Severity").SelectOptionAsync(["High"]);
        await technician.GetByLabel("Open a corrective work order for it").CheckAsync();
        await technician.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Status)).ToContainTextAsync("corrective work order opened");

        var row = technician.GetByRole(AriaRole.Row).Filter(new() { HasText = serial });
        await row.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Status)).ToContainTextAsync("Work order scheduled");
        await row.GetByRole(AriaRole.Button, new() { Name = "Start the work" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Status)).ToContainTextAsync("Work started");
        await row.GetByLabel("Outcome").FillAsync("Cooler replaced");
        await row.GetByLabel("Part used (optional)").FillAsync("Stirling cooler");
        await row.GetByLabel("Its cost (EUR)").FillAsync("1850");
        await ShotAsync(technician, "08-technician-work-order");
        await row.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Expect(technician.GetByRole(AriaRole.Status)).ToContainTextAsync("Work order completed");
        await Expect(row).ToHaveCountAsync(0);                                                 // no longer open

        var orders = await technicianApi.Maintenance.ListWorkOrdersAsync(assets[0].Id);
        var done = Assert.Single(orders);
        Assert.Equal((WorkOrderStatus.Completed, 1_850m), (done.Status, done.PartsCost));
        Assert.NotNull(done.WarrantyClaimId);                                                // corrective, within warranty
    }

    [Fact]
    public async Task A_csv_import_lists_every_wrong_row_then_records_a_correct_file()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 2);
        var logisticsApi = await system.SignInAsync("logistics");
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        var shipment = await logisticsApi.Inventory.DispatchAsync(new DispatchShipmentRequest("WB-" + Guid.NewGuid().ToString("N")[..8], "DHL", Scenario.Today.AddDays(-4), Scenario.Today,
            [new DispatchShipmentLine(camera.Id, 2)]));
        await logisticsApi.Inventory.ArriveAsync(shipment.Id, new RecordArrivalRequest(Scenario.Today, warehouse));

        var logistics = await SignInAsync("logistics");
        await logistics.GotoAsync($"logistics/shipments/{shipment.Id}");
        var header = "contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n";
        var prefix = "IM-" + Guid.NewGuid().ToString("N")[..6];
        await logistics.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "receipt.csv", MimeType = "text/csv",
            Buffer = global::System.Text.Encoding.UTF8.GetBytes(header + $"{camera.ContractLineNumber},{prefix}-1,Thermovision,TV-LW320,true,\n{camera.ContractLineNumber},,Thermovision,TV-LW320,false,\n"),
        });
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(logistics.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was recorded: errors in 2 rows");
        await Expect(logistics.GetByRole(AriaRole.Row).Filter(new() { HasText = "serialNumber" })).ToHaveCountAsync(1);
        await ShotAsync(logistics, "09-logistics-import-errors");

        await logistics.GotoAsync($"logistics/shipments/{shipment.Id}");
        await logistics.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "receipt.csv", MimeType = "text/csv",
            Buffer = global::System.Text.Encoding.UTF8.GetBytes(header + $"{camera.ContractLineNumber},{prefix}-1,Thermovision,TV-LW320,true,photo1.jpg\n{camera.ContractLineNumber},{prefix}-2,Thermovision,TV-LW320,false,\n"),
        });
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(logistics.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported: 2 units recorded");
        var received = await logisticsApi.Inventory.ListAssetsAsync(contractId: contract.Id, pageSize: 200);
        Assert.Equal(2, received.Items.Count(a => a.SerialNumber.StartsWith(prefix)));
    }

    [Fact]
    public async Task A_refused_request_is_shown_beside_its_field_and_a_wrong_password_is_said_plainly()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("procurement/suppliers");                               // not signed in: to the sign-in page
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GetByLabel("User name").FillAsync("officer");
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The name or password is not right.");

        var officer = await SignInAsync("officer");
        await officer.GotoAsync("procurement/suppliers");
        await officer.GetByLabel("Legal name").FillAsync("No Country Ltd");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(officer.Locator("#countryOfEstablishment-error")).ToBeVisibleAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("Exception");
        await ShotAsync(officer, "07-problem-beside-field");
    }
}

/// <summary>
/// The system the portal tests share: every test signs its users in from the one browser address, more often than the
/// 30 sign-ins a minute an address is allowed (the limit itself is tested in <see cref="ChainTests"/>).
/// </summary>
public sealed class PortalSystem : RunningSystem
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings(string part) =>
        part == EquipmentSystem.Gateway ? [new("RateLimiting__TokenPermitLimit", "1000")] : [];
}
