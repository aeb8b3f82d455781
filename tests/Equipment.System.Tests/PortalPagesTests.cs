using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// Every job on a screen, in Chromium against the real system: a contract amended after signature, an asset transferred
/// and another reported stolen with its evidence, a warranty claim answered and settled, a misuse allegation recorded and
/// followed up, a donor and a grant registered, amended, given an indicator and a disbursement. Each form is first sent
/// wrong, to see the service's refusal beside its field, then right, to see it recorded (read back through the API).
/// </summary>
public sealed partial class PortalTests
{
    private static string Token() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task Pages_an_officer_amends_a_signed_contract_on_its_page_and_the_version_before_is_kept()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 2);
        var camera = contract.Lines.Single(l => l.ItemCategory == "ThermalCamera");

        var officer = await SignInAsync("officer");
        await officer.GotoAsync($"procurement/contracts/{contract.Id}");
        await officer.GetByLabel($"Quantity, line {camera.LineNumber}").FillAsync("3");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the amendment" }).ClickAsync();
        await Expect(officer.Locator("#reason-error")).ToBeVisibleAsync();                           // no reason: refused beside the field
        await Expect(officer.GetByLabel($"Quantity, line {camera.LineNumber}")).ToHaveValueAsync("3");    // what was typed is kept
        await Expect(officer.GetByLabel("Reason")).ToHaveAttributeAsync("aria-describedby", "reason-error");

        await officer.GetByLabel("Reason").FillAsync("Rider 1: a third camera for the night shift");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record the amendment" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("the contract is now at version 2");
        await Expect(officer.Locator("section.card li").Filter(new() { HasText = "Rider 1" }).First).ToContainTextAsync("Version 2");
        await ShotAsync(officer, "20-officer-contract-amended");

        var amended = await (await system.SignInAsync("officer")).Procurement.GetContractAsync(contract.Id);
        Assert.Equal((2, 3), (amended.Version, amended.Lines.Single(l => l.LineNumber == camera.LineNumber).Quantity));
        Assert.Equal(2, Assert.Single(amended.PreviousVersions).Lines.Single(l => l.LineNumber == camera.LineNumber).Quantity);
    }

    [Fact]
    public async Task Pages_logistics_transfers_a_deployed_asset_and_reports_another_stolen_with_its_evidence()
    {
        var warehouse = "WH-" + Token();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 3, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));

        var page = await SignInAsync("logistics");
        await page.GotoAsync($"logistics/assets/{assets[0].Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Transfer to another crossing point" }).ClickAsync();
        await page.GetByLabel("To the agreed crossing point").SelectOptionAsync(["TN-DEHIBA-WAZIN"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the transfer" }).ClickAsync();
        await Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("To the agreed crossing point")).ToHaveValueAsync("TN-DEHIBA-WAZIN");
        await page.GetByLabel("Reason").FillAsync("Night traffic moved to Dehiba");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the transfer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{assets[0].SerialNumber} is transferred to Dehiba–Wazin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = assets[0].SerialNumber })).ToBeVisibleAsync();     // back on its passport
        Assert.Equal("TN-DEHIBA-WAZIN", (await logisticsApi.Inventory.GetAssetAsync(assets[0].Id)).CrossingPointCode);

        await page.GotoAsync($"logistics/assets/{assets[1].Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write off, or report lost or stolen" }).ClickAsync();
        await Expect(page.GetByLabel("Stolen")).Not.ToBeCheckedAsync();                                 // nothing chosen for the user
        await page.GetByLabel("Stolen").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Taken from the vehicle at night");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.Locator("#evidenceReference-error")).ToBeVisibleAsync();                      // no evidence: refused
        await Expect(page.GetByLabel("Stolen")).ToBeCheckedAsync();
        await page.GetByLabel(new Regex("^Evidence")).FillAsync("Police report 2026/4471, Ben Gardane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{assets[1].SerialNumber} is recorded as Stolen");
        await ShotAsync(page, "21-logistics-asset-stolen");
        Assert.Equal(AssetStatus.Stolen, (await logisticsApi.Inventory.GetAssetAsync(assets[1].Id)).Status);
        Assert.Contains(await logisticsApi.Inventory.GetCustodyLogAsync(assets[1].Id), c => c.Action == CustodyAction.Stolen);

        // A third one written off (beyond repair), its disposal record attached afterwards and kept for good.
        await page.GotoAsync($"logistics/assets/{assets[2].Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write off, or report lost or stolen" }).ClickAsync();
        await page.GetByLabel("Disposed of").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Lens shattered in a sandstorm, beyond repair");
        await page.GetByLabel(new Regex("^Evidence")).FillAsync("Write-off decision WO-2026-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{assets[2].SerialNumber} is recorded as");
        Assert.Equal(AssetStatus.Disposed, (await logisticsApi.Inventory.GetAssetAsync(assets[2].Id)).Status);
        var disposal = page.Locator("#disposal-evidence").Locator("..");
        await disposal.GetByLabel("Attach the police report or disposal record").SetInputFilesAsync(
            new FilePayload { Name = "write-off-WO-2026-19.pdf", MimeType = "application/pdf", Buffer = Equipment.Testing.EvidenceFiles.Pdf(20_000) });
        await disposal.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("write-off-WO-2026-19.pdf attached.");
        await Expect(disposal).ToContainTextAsync("write-off-WO-2026-19.pdf");
        await Expect(disposal.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Remove") })).ToHaveCountAsync(0);   // kept for good
        Assert.Contains(await logisticsApi.Inventory.GetCustodyLogAsync(assets[2].Id), c => c.Action == CustodyAction.Disposed);
    }

    [Fact]
    public async Task Pages_a_technician_records_the_suppliers_answer_to_a_warranty_claim_and_settles_it()
    {
        var warehouse = "WH-" + Token();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == assets[0].Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var order = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(assets[0].Id, WorkOrderKind.Corrective));
        Assert.NotNull(order.WarrantyClaimId);                                                         // under warranty

        var page = await SignInAsync("technician");
        await page.GetByRole(AriaRole.Link, new() { Name = "Warranty claims" }).First.ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = assets[0].SerialNumber });
        await Expect(row).ToContainTextAsync("Raised");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Expect(page.Locator("#accepted-error")).ToBeVisibleAsync();                              // accepted or rejected: the user says
        await page.GetByLabel("Accepted").CheckAsync();
        await page.GetByLabel(new Regex("^Notes")).FillAsync("Supplier ref. RMA-2231");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The supplier's acceptance is recorded");
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("Accepted");

        await page.GetByLabel(new Regex("What the supplier bore")).FillAsync("");                     // nothing said: refused
        await page.GetByRole(AriaRole.Button, new() { Name = "Settle" }).ClickAsync();
        await Expect(page.Locator("#supplierBore-error")).ToBeVisibleAsync();
        await page.GetByLabel(new Regex("What the supplier bore")).FillAsync("950");
        await page.GetByRole(AriaRole.Button, new() { Name = "Settle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the supplier bore 950.00 EUR");
        await ShotAsync(page, "22-technician-warranty-claim-settled");
        var claim = (await technicianApi.Maintenance.ListWarrantyClaimsAsync()).Single(c => c.Id == order.WarrantyClaimId);
        Assert.Equal((WarrantyClaimStatus.Resolved, 950m, "Supplier ref. RMA-2231"), (claim.Status, claim.SupplierBore, claim.Notes));
    }

    [Fact]
    public async Task Pages_a_monitor_records_a_misuse_allegation_and_follows_it_up_to_its_outcome()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var allegation = "Camera seen on a private farm near Zarzis " + Token();

        var monitor = await SignInAsync("monitor");
        await monitor.GotoAsync($"donor/grants/{grant.Id}");
        await monitor.GetByRole(AriaRole.Link, new() { Name = "Misuse allegations register" }).ClickAsync();
        await monitor.GetByLabel("Reported by").FillAsync("Local NGO (hotline)");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Record the allegation" }).ClickAsync();
        await Expect(monitor.Locator("#allegation-error")).ToBeVisibleAsync();
        await Expect(monitor.GetByLabel("Reported by")).ToHaveValueAsync("Local NGO (hotline)");
        await monitor.GetByLabel("The allegation").FillAsync(allegation);
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Record the allegation" }).ClickAsync();
        await Expect(monitor.GetByRole(AriaRole.Status)).ToContainTextAsync("The allegation is recorded");
        var row = monitor.Locator("#allegations tr").Filter(new() { HasText = allegation });
        await Expect(row).ToContainTextAsync("Received");

        await Expect(monitor.GetByLabel("Allegation", new() { Exact = true }).Locator("option").Nth(1)).ToContainTextAsync(allegation);   // the grant's only one
        await monitor.GetByLabel("Allegation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await monitor.GetByLabel("New status").SelectOptionAsync(["Substantiated"]);
        await monitor.GetByLabel("Outcome").FillAsync("Confirmed on site; the camera was returned to Ras Ajdir");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Record the status" }).ClickAsync();
        await Expect(monitor.GetByRole(AriaRole.Status)).ToContainTextAsync("The allegation is now Substantiated");
        await Expect(row).ToContainTextAsync("Confirmed on site");
        await ShotAsync(monitor, "23-monitor-allegation");

        var listed = Assert.Single(await (await system.SignInAsync("monitor")).Reporting.ListAllegationsAsync(grant.Id), a => a.Allegation == allegation);
        Assert.Equal(AllegationStatus.Substantiated, listed.Status);
    }

    [Fact]
    public async Task Pages_an_administrator_registers_a_donor_and_a_grant_then_amends_it_adds_an_indicator_and_records_a_tranche()
    {
        var token = Token();
        var donor = "D-" + token;
        var admin = await SignInAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Donors and grants" }).First.ClickAsync();
        await admin.GetByLabel(new Regex("^Code")).FillAsync(donor);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Donor " + token);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the donor" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"({donor}) is registered");

        var reference = "G-" + token;
        await admin.GetByLabel("Reference").FillAsync(reference);
        await admin.GetByLabel("Title").FillAsync("Border equipment for the south " + token);
        await admin.GetByLabel("Donor", new() { Exact = true }).SelectOptionAsync([donor]);
        await admin.GetByLabel("Funding instrument").SelectOptionAsync(["NdiciGlobalEurope"]);
        await admin.GetByLabel("Implementing partner").FillAsync("ICMPD");
        await admin.GetByLabel("Amount (EUR)").FillAsync("1000000");
        await admin.GetByLabel("Start", new() { Exact = true }).FillAsync("2025-01-01");
        await admin.GetByLabel("End", new() { Exact = true }).FillAsync("2027-12-31");
        await admin.GetByLabel("Beneficiary country 1", new() { Exact = true }).SelectOptionAsync(["TN"]);
        await admin.GetByLabel(new Regex("^Agreed crossing points")).FillAsync("TN-RAS-AJDIR; Ras Ajdir; TN; LY; north; 11.5637");
        await admin.GetByLabel(new Regex("^Budget lines")).FillAsync("EQ-1; Surveillance equipment; 600000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the grant" }).ClickAsync();
        await Expect(admin.Locator("#crossingPoints-error")).ToContainTextAsync("Line 1, latitude");     // not a number: the service's refusal names the line
        await admin.GetByLabel(new Regex("^Agreed crossing points")).FillAsync("TN-RAS-AJDIR; Ras Ajdir; TN; LY; 33.1536; 11.5637");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Register the grant" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Grant {reference} is registered");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Grant {reference}" })).ToBeVisibleAsync();
        var grantId = Guid.Parse(Regex.Match(admin.Url, "admin/grants/([0-9a-f-]{36})").Groups[1].Value);

        await admin.GetByLabel(new Regex("^New amount")).FillAsync("1200000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the amendment" }).ClickAsync();
        await Expect(admin.Locator("#reason-error")).ToBeVisibleAsync();
        await admin.GetByLabel("Reason").FillAsync("Rider 1: second phase");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the amendment" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("the grant is now at version 2");
        await Expect(admin.Locator("#versions")).ToContainTextAsync("Rider 1: second phase");

        await admin.GetByLabel("Code", new() { Exact = true }).FillAsync("IND-1");
        await admin.Locator("#i-title").FillAsync("Thermal cameras deployed");
        await admin.GetByLabel("Counted from").SelectOptionAsync(["AssetsDeployed"]);
        await admin.GetByLabel("Baseline", new() { Exact = true }).FillAsync("0");
        await admin.GetByLabel("Baseline year").FillAsync("2024");
        await admin.GetByLabel("Target", new() { Exact = true }).FillAsync("12");
        await admin.GetByLabel("Target year").FillAsync("2027");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add the indicator" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Indicator IND-1 is added");
        await Expect(admin.Locator("#indicators")).ToContainTextAsync("Thermal cameras deployed");

        await admin.GetByLabel("Tranche (EUR)").FillAsync("2000000");
        await admin.GetByLabel("Payment reference").FillAsync("PAY-" + token);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the tranche" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();                                // above the grant: refused
        await admin.GetByLabel("Tranche (EUR)").FillAsync("300000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the tranche" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"The tranche PAY-{token} of 300,000.00 EUR is recorded");
        await Expect(admin.Locator("#disbursements")).ToContainTextAsync("PAY-" + token);
        await ShotAsync(admin, "24-admin-grant");

        var api = await system.SignInAsync("admin");
        var versions = await api.Reporting.ListGrantVersionsAsync(grantId);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version).Order());
        var latest = versions.MaxBy(v => v.Version)!.Agreement;
        Assert.Equal((1_200_000m, "IND-1", donor), (latest.Amount, Assert.Single(latest.Indicators).Code, latest.DonorCode));
        Assert.Equal(300_000m, Assert.Single(await api.Reporting.ListDisbursementsAsync(grantId)).Amount);
    }

    [Fact]
    public async Task Pages_a_suppliers_country_is_chosen_by_its_name_in_the_users_language_and_a_refused_form_keeps_the_choice()
    {
        var token = Token();
        var page = await SignInAsync("officer");
        await page.GotoAsync("procurement/suppliers");
        var country = page.GetByLabel("Country of establishment");
        await Expect(country).ToHaveValueAsync("");                                                    // nothing chosen for the user
        await Expect(country.Locator("option", new() { HasText = "Kosovo*" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#country-note")).ToContainTextAsync("UNSCR 1244/1999");
        await page.GetByLabel("Legal name").FillAsync($"Sahara Optique {token}");
        await country.SelectOptionAsync(new SelectOptionValue { Label = "Tunisia" });
        await page.GetByLabel("Contact name").FillAsync("Sami");
        await page.GetByLabel("Contact e-mail").FillAsync("sami@sahara.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#registrationNumber-error")).ToBeVisibleAsync();                    // refused: no registration number
        await Expect(country).ToHaveValueAsync("TN");                                                  // the country is still chosen
        await page.GetByLabel("Registration number").FillAsync($"RNE-{token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"Sahara Optique {token} is registered");
        var officerApi = await system.SignInAsync("officer");
        Assert.Equal("TN", Assert.Single((await officerApi.Procurement.ListSuppliersAsync(q: $"RNE-{token}")).Items).CountryOfEstablishment);

        // Not chosen at all: refused beside the picker in words; in French the countries are French names, the code the same.
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await page.GetByLabel("Raison sociale").FillAsync($"Atlas Optique {token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("#countryOfEstablishment-error")).ToContainTextAsync("Choisissez le pays où le fournisseur est établi");
        await page.Locator("#country").SelectOptionAsync(new SelectOptionValue { Label = "Maroc" });
        await Expect(page.Locator("#country")).ToHaveValueAsync("MA");
        await page.GotoAsync($"procurement/suppliers?q=RNE-{token}");
        await Expect(page.Locator("#suppliers tbody tr")).ToContainTextAsync("Tunisie");
        await ShotAsync(page, "35-officer-supplier-country-in-french");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
    }

    [Fact]
    public async Task Pages_a_refused_csv_import_keeps_its_file_to_correct_in_the_page_and_send_again()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 2);
        var logisticsApi = await system.SignInAsync("logistics");
        var warehouse = "WH-" + Token();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var camera = (await scenario.ExpectedAsync(contract.Id, atLeast: 2)).Items.Single(d => d.ItemCategory == "ThermalCamera");
        var shipment = await logisticsApi.Inventory.DispatchAsync(new DispatchShipmentRequest("WB-" + Token(), "DHL", Scenario.Today.AddDays(-4), Scenario.Today,
            [new DispatchShipmentLine(camera.Id, 2)]));
        await logisticsApi.Inventory.ArriveAsync(shipment.Id, new RecordArrivalRequest(Scenario.Today, warehouse));
        var prefix = "KF-" + Token();
        var header = "contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n";
        var wrong = header + $"{camera.ContractLineNumber},{prefix}-1,Thermovision,TV-LW320,true,photo1.jpg\n{camera.ContractLineNumber},{prefix}-2,Thermovision,TV-LW320,maybe,\n";

        var page = await SignInAsync("logistics");
        await page.GotoAsync($"logistics/shipments/{shipment.Id}");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "dhl-delivery.csv", MimeType = "text/csv", Buffer = global::System.Text.Encoding.UTF8.GetBytes(wrong) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was recorded: errors in 1 row");
        await Expect(page.Locator("#import-errors tbody tr")).ToContainTextAsync("visibilityMarking");
        await Expect(page.Locator("#kept-file")).ToContainTextAsync("Your file dhl-delivery.csv (3 lines) is kept for you until");
        var kept = page.GetByLabel("The kept file, to correct here");
        await Expect(kept).ToHaveValueAsync(wrong);
        await page.ReloadAsync();                                                                       // still kept
        await Expect(kept).ToHaveValueAsync(wrong);
        await ShotAsync(page, "36-logistics-import-file-kept");

        // Sending without choosing a file: refused on the shipment's page, where the file is still offered.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the chosen file" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Choose the CSV file to import.");
        await Expect(page.Locator("#kept-file")).ToContainTextAsync("dhl-delivery.csv");

        // Corrected in the page and sent again: recorded, and the file is no longer kept.
        await kept.FillAsync(wrong.Replace("maybe", "false"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the corrected file" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported: 2 units recorded");
        await Expect(page.Locator("#kept-file")).ToHaveCountAsync(0);
        var received = await logisticsApi.Inventory.ListAssetsAsync(contractId: contract.Id, pageSize: 200);
        Assert.Equal(2, received.Items.Count(a => a.SerialNumber.StartsWith(prefix)));
        var note = await page.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Print the goods received note" }).GetAttributeAsync("href"))!);
        Assert.Contains($"{prefix}-2", await note.TextAsync());
    }

    [Fact]
    public async Task Pages_a_technician_defines_a_plan_records_use_and_opens_from_the_overdue_list_the_work_order_it_asks_for()
    {
        var page = await SignInAsync("technician");
        await page.GetByRole(AriaRole.Link, new() { Name = "Preventive plans" }).First.ClickAsync();
        await page.GetByLabel("Item category").SelectOptionAsync(["Radio"]);
        await page.GetByLabel("Every (days)").FillAsync("");
        await page.GetByLabel("Or every so many hours of use").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        await Expect(page.Locator("#intervalDays-error")).ToBeVisibleAsync();                            // the days are required
        await Expect(page.GetByLabel("Item category")).ToHaveValueAsync("Radio");
        await page.GetByLabel("Every (days)").FillAsync("365");
        await page.GetByLabel("Checklist (one step a line)").FillAsync("Battery contacts\nAntenna seal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("is recorded");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Battery contacts; Antenna seal" })).ToHaveCountAsync(1);

        // A radio deployed under that plan, then used past its interval.
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 1);
        var logisticsApi = await system.SignInAsync("logistics");
        var warehouse = "WH-" + Token();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var radioLine = expected.Items.Single(d => d.ItemCategory == "Radio");
        var radios = await InventoryRun.ShipAndReceiveAsync(logisticsApi, expected.Items, [new Arrival(radioLine.ContractLineNumber, 1, 0, "Motorola", "MTP3550", "RD-" + Token())],
            "WB-" + Token(), "DHL", warehouse, Scenario.Today.AddDays(-3), Scenario.Today.AddDays(-1));
        await InventoryRun.HandOverAsync(logisticsApi, radios, Scenario.Today, "Dehiba", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(radios[0].Id, new DeployAssetRequest("TN-DEHIBA-WAZIN", Scenario.Today));
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-DEHIBA-WAZIN", pageSize: 200), p => p.Items.Any(a => a.AssetId == radios[0].Id && a.DeployedOn is not null),
            Scenario.Deadline, "maintenance to learn the deployed radio");

        await page.GotoAsync($"logistics/assets/{radios[0].Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record its use (hours, km, patrols)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Use of {radios[0].SerialNumber}" })).ToBeVisibleAsync();
        await page.GetByLabel("From").FillAsync(Day(0));
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(Day(-1));
        await page.GetByLabel("Hours of use").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the use" }).ClickAsync();
        await Expect(page.Locator("#to-error")).ToBeVisibleAsync();                                         // it ends before it starts: refused
        await Expect(page.GetByLabel("Hours of use")).ToHaveValueAsync("12");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(Day(0));
        await page.GetByLabel("Patrols").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the use" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("12 h, 3 patrols");
        var used = page.Locator("#usage-history tbody tr");                                                // what was recorded, listed under the form
        await Expect(used).ToHaveCountAsync(1);
        await Expect(used).ToContainTextAsync("technician");
        await Expect(used.Locator("td").Nth(2)).ToHaveTextAsync("12");

        // The overdue list names it and why, and opens the preventive work order the plan asks for.
        await page.GotoAsync("maintenance/work-orders");
        var row = page.Locator("tr", new() { HasText = radios[0].SerialNumber }).First;
        await Expect(row).ToContainTextAsync("12 hours used since");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Open the preventive work order for {radios[0].SerialNumber}" }).DblClickAsync();   // opens one
        await Expect(page).ToHaveURLAsync(new Regex("maintenance/work-orders/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#flash")).ToContainTextAsync("Preventive work order opened");
        var order = Assert.Single((await technicianApi.Maintenance.SearchWorkOrdersAsync(open: true, kind: WorkOrderKind.Preventive, assetId: radios[0].Id)).Items);
        Assert.EndsWith($"maintenance/work-orders/{order.Id}", page.Url);
        await page.GotoAsync("maintenance/work-orders");                                               // a second time: to the one open, no second
        await page.Locator("tr", new() { HasText = radios[0].SerialNumber }).First.GetByRole(AriaRole.Link, new() { Name = "Its open work order" }).ClickAsync();
        Assert.EndsWith($"maintenance/work-orders/{order.Id}", page.Url);

        // The preventive job found a defect the supplier should bear: the claim is raised from the work order, once.
        Assert.Null(order.WarrantyClaimId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise a warranty claim" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("maintenance/warranty-claims/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#flash")).ToContainTextAsync("A warranty claim is raised on");
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("Raised");
        await Expect(page.GetByText($"For the repair of {radios[0].SerialNumber}.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        var claim = Assert.Single(await technicianApi.Maintenance.ListWarrantyClaimsAsync(), c => c.WorkOrderId == order.Id);
        Assert.EndsWith($"maintenance/warranty-claims/{claim.Id}", page.Url);
        await page.GotoAsync($"maintenance/work-orders/{order.Id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Raise a warranty claim" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "its warranty claim" }).ClickAsync();
        Assert.EndsWith($"maintenance/warranty-claims/{claim.Id}", page.Url);

        // A job cancelled while its page was open: the raise is refused in words, and the page says what the job is now.
        var second = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(radios[0].Id, WorkOrderKind.Preventive));
        await page.GotoAsync($"maintenance/work-orders/{second.Id}");
        await technicianApi.Maintenance.CancelAsync(second.Id, new CancelWorkOrderRequest("Opened twice"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise a warranty claim" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Raise a warranty claim" })).ToHaveCountAsync(0);
        Assert.DoesNotContain(await technicianApi.Maintenance.ListWarrantyClaimsAsync(), c => c.WorkOrderId == second.Id);

        // The claim answered by someone else while its page was open: the stale answer sends nothing, and the page says so.
        await page.GotoAsync($"maintenance/warranty-claims/{claim.Id}");
        await technicianApi.Maintenance.DecideClaimAsync(claim.Id, new DecideWarrantyClaimRequest(false, "Rejected by phone"));
        await page.GetByLabel("Accepted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("This page changed since you opened it, so nothing was sent");
        await Expect(page.Locator("#claim-status")).ToHaveTextAsync("Rejected");
        Assert.EndsWith($"maintenance/warranty-claims/{claim.Id}", page.Url);
        Assert.Equal(WarrantyClaimStatus.Rejected, (await technicianApi.Maintenance.GetWarrantyClaimAsync(claim.Id)).Status);
    }
}
