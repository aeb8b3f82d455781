using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// Lists people can work with, in Chromium against the real system: search, sort and paging with the view kept in the
/// address (reloaded from it as a bookmark would be), the CSV export keeping the crossing-point filter, and several
/// assets deployed at once from the list.
/// </summary>
public sealed partial class PortalTests
{
    private static async Task<IReadOnlyList<string>> FirstCellsAsync(IPage page, string table, int column = 0)
    {
        var cells = new List<string>();
        foreach (var row in await page.Locator($"{table} tbody tr").AllAsync()) cells.Add((await row.Locator("td").Nth(column).InnerTextAsync()).Trim());
        return cells;
    }

    [Fact]
    public async Task Lists_tenders_are_searched_sorted_and_paged_and_the_address_keeps_the_view()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var officerApi = await system.SignInAsync("officer");
        var supplier = await officerApi.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest("Lists Supplier " + Token(), "DE", "HRB " + Token(), "Desk", "desk@example.org"));
        var token = Token();
        foreach (var n in new[] { "B", "C", "A" })
        {
            var need = await officerApi.Procurement.RaiseRequisitionAsync(new RaiseRequisitionRequest(grant.Id, "EQ-1", "Radio", "TETRA radio " + n, 1, 900m, "TN-RAS-AJDIR", null,
                Scenario.Today.AddDays(60)));
            await officerApi.Procurement.CreateTenderAsync(new CreateTenderRequest($"T-{token}-{n}", $"Radios lot {n}", grant.Id, [new LotInput("Radios", [need.Id])],
                InvitedSupplierIds: [supplier.Id]));
        }

        var page = await SignInAsync("officer");
        await page.GotoAsync("procurement/tenders");
        await page.GetByLabel("Search the tenders").FillAsync(token.ToLowerInvariant());
        await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(["reference"]);
        await page.Locator("#tender-size").SelectOptionAsync(["10"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"q={token.ToLowerInvariant()}.*sort=reference|sort=reference.*q={token.ToLowerInvariant()}"));
        await Expect(page.Locator("#tenders tbody tr")).ToHaveCountAsync(3);
        Assert.Equal([$"T-{token}-A", $"T-{token}-B", $"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Reference ▲" }).ClickAsync();                  // the heading turns the order round
        await Expect(page).ToHaveURLAsync(new Regex("sort=-reference"));
        await Expect(page.Locator("#tenders tbody tr").First).ToContainTextAsync($"T-{token}-C");

        await page.GotoAsync($"procurement/tenders?q={token}&sort=reference&size=2");                     // a bookmark: two a page
        await Expect(page.GetByText("1–2 of 3")).ToBeVisibleAsync();
        Assert.Equal([$"T-{token}-A", $"T-{token}-B"], await FirstCellsAsync(page, "#tenders"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        Assert.Equal([$"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));
        await page.ReloadAsync();
        Assert.Equal([$"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));
        await Expect(page.GetByLabel("Search the tenders")).ToHaveValueAsync(token);
        await ShotAsync(page, "30-officer-tenders-searched");
    }

    [Fact]
    public async Task Lists_logistics_deploys_several_assets_at_once_and_the_csv_keeps_the_crossing_point_filter_of_the_list()
    {
        var warehouse = "WH-" + Token();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 3, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        var prefix = assets[0].SerialNumber[..9];                                                  // ST-XXXXXX: this test's cameras only
        var serials = assets.Select(a => a.SerialNumber).Order().ToList();

        var page = await SignInAsync("logistics");
        await page.GotoAsync($"logistics/assets?q={prefix}&status=HandedOver");
        await Expect(page.Locator("#selection tbody tr")).ToHaveCountAsync(3);
        await page.GetByLabel($"Select {serials[0]}").CheckAsync();
        await page.GetByLabel($"Select {serials[1]}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy the selected assets" }).ClickAsync();
        await Expect(page.Locator("#chosen tbody tr")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy them" }).ClickAsync();
        await Expect(page.Locator("#crossingPointCode-error")).ToBeVisibleAsync();                       // no crossing point chosen: refused
        await page.GetByLabel("Agreed crossing point").SelectOptionAsync(["TN-RAS-AJDIR"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy them" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 of 2 deployed at TN-RAS-AJDIR");
        await ShotAsync(page, "31-logistics-deployed-several");
        foreach (var serial in serials.Take(2))
            Assert.Equal(AssetStatus.Deployed, (await logisticsApi.Inventory.GetAssetAsync(assets.Single(a => a.SerialNumber == serial).Id)).Status);
        Assert.Equal(AssetStatus.HandedOver, (await logisticsApi.Inventory.GetAssetAsync(assets.Single(a => a.SerialNumber == serials[2]).Id)).Status);

        // The list at one crossing point, sorted and paged, and its export with the same filter.
        await page.GotoAsync($"logistics/assets?q={prefix}&point=TN-RAS-AJDIR");
        await Expect(page.Locator("#selection tbody tr")).ToHaveCountAsync(2);
        var export = await page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).GetAttributeAsync("href");
        Assert.Contains("crossingPointCode=TN-RAS-AJDIR", export);
        var csv = await (await page.APIRequest.GetAsync(export!)).TextAsync();
        Assert.Contains(serials[0], csv);
        Assert.Contains(serials[1], csv);
        Assert.DoesNotContain(serials[2], csv);                                                     // handed over, in the warehouse

        await page.GotoAsync($"logistics/assets?q={prefix}&size=2");
        await Expect(page.GetByText("1–2 of 3")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Serial" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=serialNumber"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Serial ▲" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-serialNumber"));
        Assert.Equal([serials[2], serials[1]], await FirstCellsAsync(page, "#selection", 1));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        Assert.Equal([serials[0]], await FirstCellsAsync(page, "#selection", 1));

        // A sheet of labels for the selected assets.
        await page.GotoAsync($"logistics/assets?q={prefix}");
        foreach (var serial in serials) await page.GetByLabel($"Select {serial}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Print labels for the selected assets" }).ClickAsync();
        await Expect(page.Locator(".label-sheet img")).ToHaveCountAsync(3);
        var label = await page.Locator(".label-sheet img").First.GetAttributeAsync("src");
        Assert.Equal(200, (await page.APIRequest.GetAsync(label!)).Status);
    }

    [Fact]
    public async Task Lists_work_orders_show_symptom_place_and_passport_and_are_searched_sorted_and_paged_in_the_address()
    {
        var warehouse = "WH-" + Token();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == assets[0].Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var token = Token();
        var orders = new List<Guid>();
        foreach (var symptom in new[] { "Lens fogged", "No image after dusk", "Pan motor stuck" })
        {
            var fault = await technicianApi.Maintenance.ReportFaultAsync(assets[0].Id, new ReportFaultRequest($"{symptom} {token}", FaultSeverity.Medium));
            orders.Add((await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(assets[0].Id, WorkOrderKind.Corrective, fault.Id))).Id);
        }
        await technicianApi.Maintenance.CancelAsync(orders[0], new CancelWorkOrderRequest("Reported twice"));

        var page = await SignInAsync("technician");
        await page.GetByRole(AriaRole.Link, new() { Name = "Assets" }).First.ClickAsync();              // the technician's menu reaches the register
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assets" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Work orders" }).First.ClickAsync();
        await page.GetByLabel("Search the work orders").FillAsync(token);
        await page.Locator("#wo-size").SelectOptionAsync(["10"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"q={token}"));
        var rows = page.Locator("#work-orders tbody tr");
        await Expect(rows).ToHaveCountAsync(2);                                                     // the open ones; the cancelled one is history
        await Expect(rows.Filter(new() { HasText = "Pan motor stuck" })).ToContainTextAsync("TN-RAS-AJDIR");
        await Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = $"{assets[0].SerialNumber}: its passport" })).ToHaveAttributeAsync("href", $"logistics/assets/{assets[0].Id}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Opened" }).ClickAsync();                     // oldest first
        await Expect(page).ToHaveURLAsync(new Regex("sort=openedAt"));
        await Expect(rows.First).ToContainTextAsync("No image after dusk");

        await page.GotoAsync($"maintenance/work-orders?view=all&q={token}&sort=openedAt&size=2");       // a bookmark: every one, two a page
        await Expect(page.GetByText("1–2 of 3")).ToBeVisibleAsync();
        await Expect(rows.First).ToContainTextAsync("Lens fogged");
        await Expect(rows.First).ToContainTextAsync("Cancelled");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Pan motor stuck");
        await page.GotoAsync($"maintenance/work-orders?view=history&q={token}");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Lens fogged");
        await ShotAsync(page, "32-technician-work-orders-listed");
    }
}
