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
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 2, warehouse);
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
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{assets[0].SerialNumber} is transferred to TN-DEHIBA-WAZIN");
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
        await admin.GetByLabel(new Regex("^Beneficiary countries")).FillAsync("TN");
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
}
