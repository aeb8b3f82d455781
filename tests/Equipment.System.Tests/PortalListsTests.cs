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
        var otherGrant = await scenario.RegisterGrantAsync("EU-DGNEAR");                               // a tender of another grant, left out by the grant filter
        var otherNeed = await officerApi.Procurement.RaiseRequisitionAsync(new RaiseRequisitionRequest(otherGrant.Id, "EQ-1", "Radio", "TETRA radio Z", 1, 900m, "TN-RAS-AJDIR", null,
            Scenario.Today.AddDays(60)));
        await officerApi.Procurement.CreateTenderAsync(new CreateTenderRequest($"T-{token}-Z", "Radios lot Z", otherGrant.Id, [new LotInput("Radios", [otherNeed.Id])],
            InvitedSupplierIds: [supplier.Id]));

        var page = await SignInAsync("officer");
        await page.GotoAsync("procurement/tenders");
        await page.GetByLabel("Search the tenders").FillAsync(token.ToLowerInvariant());
        await page.GetByLabel("Grant", new() { Exact = true }).SelectOptionAsync([grant.Id.ToString()]);
        await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(["reference"]);
        await page.Locator("#tender-size").SelectOptionAsync(["10"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"q={token.ToLowerInvariant()}.*sort=reference|sort=reference.*q={token.ToLowerInvariant()}"));
        await Expect(page).ToHaveURLAsync(new Regex($"grant={grant.Id}"));
        await Expect(page.Locator("#tenders tbody tr")).ToHaveCountAsync(3);
        Assert.Equal([$"T-{token}-A", $"T-{token}-B", $"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Reference ▲" }).ClickAsync();                  // the heading turns the order round
        await Expect(page).ToHaveURLAsync(new Regex("sort=-reference"));
        await Expect(page.Locator("#tenders tbody tr").First).ToContainTextAsync($"T-{token}-C");

        await page.GotoAsync($"procurement/tenders?q={token}&sort=reference");                            // every grant: the other one's tender too
        Assert.Equal([$"T-{token}-A", $"T-{token}-B", $"T-{token}-C", $"T-{token}-Z"], await FirstCellsAsync(page, "#tenders"));
        await page.GotoAsync($"procurement/tenders?q={token}&grant={grant.Id}&sort=reference&size=2");     // a bookmark: two a page
        await Expect(page.GetByText("1–2 of 3")).ToBeVisibleAsync();
        Assert.Equal([$"T-{token}-A", $"T-{token}-B"], await FirstCellsAsync(page, "#tenders"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        Assert.Equal([$"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));
        await page.ReloadAsync();
        Assert.Equal([$"T-{token}-C"], await FirstCellsAsync(page, "#tenders"));
        await Expect(page.GetByLabel("Search the tenders")).ToHaveValueAsync(token);
        await Expect(page.GetByLabel("Grant", new() { Exact = true })).ToHaveValueAsync(grant.Id.ToString());
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
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 of 2 deployed at Ras Ajdir");
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
        await Expect(rows.Filter(new() { HasText = "Pan motor stuck" })).ToContainTextAsync("Ras Ajdir");
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

    [Fact]
    public async Task Lists_goods_received_notes_and_handover_certificates_are_searched_sorted_and_paged_and_each_prints_again()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 3);                               // 3 × 4,500 + 5 radios: a single tender
        var logisticsApi = await system.SignInAsync("logistics");
        var token = Token();
        var warehouse = "WH-" + token;
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Charguia II, Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        var first = await InventoryRun.ShipAndReceiveAsync(logisticsApi, expected.Items, [new Arrival(camera.ContractLineNumber, 2, 0, "Thermovision", "TV-LW320", $"GA-{token}")],
            $"WB-{token}-1", "DHL", warehouse, Scenario.Today.AddDays(-6), Scenario.Today.AddDays(-4));
        var second = await InventoryRun.ShipAndReceiveAsync(logisticsApi, expected.Items, [new Arrival(camera.ContractLineNumber, 1, 0, "Thermovision", "TV-LW320", $"GB-{token}")],
            $"WB-{token}-2", "Aramex", warehouse, Scenario.Today.AddDays(-3), Scenario.Today.AddDays(-1));
        var toGuard = await InventoryRun.HandOverAsync(logisticsApi, first, Scenario.Today.AddDays(-1), $"Ras Ajdir {token}", $"Garde nationale {token}", new Representative("A", "B"), new Representative("C", "D"));
        var toCustoms = await InventoryRun.HandOverAsync(logisticsApi, second, Scenario.Today, $"Tunis {token}", $"Douane {token}", new Representative("A", "B"), new Representative("C", "D"));
        var notes = (await logisticsApi.Inventory.ListGoodsReceivedNotesAsync(q: warehouse)).Items;
        var (older, newer) = (notes.Single(n => n.WaybillNumber.EndsWith("-1")), notes.Single(n => n.WaybillNumber.EndsWith("-2")));

        var page = await SignInAsync("logistics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Goods received notes" }).First.ClickAsync();          // from the menu
        await page.GetByLabel("Search the goods received notes").FillAsync(warehouse.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"q={warehouse.ToLowerInvariant()}"));
        await Expect(page.Locator("#goods-received-notes tbody tr")).ToHaveCountAsync(2);
        Assert.Equal([newer.Number, older.Number], await FirstCellsAsync(page, "#goods-received-notes"));             // newest receipt first
        await Expect(page.Locator("#goods-received-notes tbody tr").First).ToContainTextAsync($"WB-{token}-2");
        await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(["receivedOn"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=receivedOn"));
        Assert.Equal([older.Number, newer.Number], await FirstCellsAsync(page, "#goods-received-notes"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Number" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=number"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Number ▲" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-number"));
        Assert.Equal([newer.Number, older.Number], await FirstCellsAsync(page, "#goods-received-notes"));

        await page.GotoAsync($"logistics/goods-received-notes?q={warehouse}&sort=receivedOn&size=1");            // a bookmark: one a page
        await Expect(page.GetByText("1–1 of 2")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await page.ReloadAsync();
        Assert.Equal([newer.Number], await FirstCellsAsync(page, "#goods-received-notes"));
        await Expect(page.GetByLabel("Search the goods received notes")).ToHaveValueAsync(warehouse);
        var print = page.GetByRole(AriaRole.Link, new() { Name = $"Print note {newer.Number}" });
        var printed = await page.APIRequest.GetAsync((await print.GetAttributeAsync("href"))!);
        Assert.Equal(200, printed.Status);
        var html = await printed.TextAsync();
        foreach (var text in new[] { newer.Number, $"WB-{token}-2", $"GB-{token}-0001", warehouse }) Assert.Contains(text, html);
        Assert.DoesNotContain($"GA-{token}-0001", html);                                                      // the other note's unit
        await ShotAsync(page, "33-logistics-goods-received-notes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Handover certificates" }).First.ClickAsync();
        await page.GetByLabel("Search the certificates").FillAsync($"WB-{token}");                                  // the waybill of the goods handed over
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("#handovers tbody tr")).ToHaveCountAsync(2);
        Assert.Equal([toCustoms.Number, toGuard.Number], await FirstCellsAsync(page, "#handovers"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Border authority" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=authority"));
        Assert.Equal([$"Douane {token}", $"Garde nationale {token}"], await FirstCellsAsync(page, "#handovers", 2));
        await page.GotoAsync($"logistics/handovers?q=ras%20ajdir%20{token.ToLowerInvariant()}");                     // the place
        Assert.Equal([toGuard.Number], await FirstCellsAsync(page, "#handovers"));
        var certificate = await page.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = $"Print certificate {toGuard.Number}" }).GetAttributeAsync("href"))!);
        Assert.Equal(200, certificate.Status);
        Assert.Contains($"Handover certificate {toGuard.Number}", await certificate.TextAsync());

        // From the shipment's own page: its note and the certificate of its goods, to print again.
        await page.GotoAsync($"logistics/shipments/{older.ShipmentId}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Print goods received note {older.Number}" })).ToHaveAttributeAsync("href",
            $"files/api/inventory/goods-received-notes/{older.Id}/note.html");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Print handover certificate {toGuard.Number}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The handover certificates of its goods" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"shipment={older.ShipmentId}"));
        Assert.Equal([toGuard.Number], await FirstCellsAsync(page, "#handovers"));
        await ShotAsync(page, "34-logistics-handover-certificates");
    }

    [Fact]
    public async Task Lists_shipments_requisitions_suppliers_deliveries_and_visits_are_searched_sorted_and_paged_by_their_services_and_the_address_keeps_the_view()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras: 3);
        var token = Token();
        var logisticsApi = await system.SignInAsync("logistics");
        var officerApi = await system.SignInAsync("officer");
        var monitorApi = await system.SignInAsync("monitor");
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        foreach (var (n, days) in new[] { ("B", -3), ("C", -2) })
            await logisticsApi.Inventory.DispatchAsync(new DispatchShipmentRequest($"WB-{token}-{n}", "DHL", Scenario.Today.AddDays(days), Scenario.Today.AddDays(5 + days),
                [new DispatchShipmentLine(camera.Id, 1)]));
        var warehouse = "WH-" + token;                                                                   // WB-…-A is received, handed over and deployed: something to verify
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var received = await InventoryRun.ShipAndReceiveAsync(logisticsApi, expected.Items, [new Arrival(camera.ContractLineNumber, 1, 0, "Thermovision", "TV-LW320", $"LV-{token}")],
            $"WB-{token}-A", "Aramex", warehouse, Scenario.Today.AddDays(-1), Scenario.Today);
        await InventoryRun.HandOverAsync(logisticsApi, received, Scenario.Today, "Ras Ajdir", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(received[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        await Poll.UntilAsync(() => monitorApi.Reporting.GetGrantAsync(grant.Id), r => r.Figures.Funnel.Deployed >= 1, Scenario.Deadline, "donor reporting to learn the deployment");
        foreach (var (n, country) in new[] { ("Beta", "FR"), ("Alpha", "TN"), ("Gamma", "DE") })
            await officerApi.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest($"{n} Optics {token}", country, $"REG-{token}-{n}", "Desk", "desk@example.org"));
        foreach (var (n, by) in new[] { ("first", 90), ("second", 30), ("third", 60) })
            await officerApi.Procurement.RaiseRequisitionAsync(new RaiseRequisitionRequest(grant.Id, "EQ-1", "Radio", $"Radio {token} {n}", 1, 900m, "TN-RAS-AJDIR", null, Scenario.Today.AddDays(by)));
        foreach (var days in new[] { 7, 2 })
            await monitorApi.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest(null, Scenario.Today.AddDays(days), 1, Seed: 1));

        // Shipments: by status and text, sorted by a heading, paged, all by inventory.
        var logistics = await SignInAsync("logistics");
        await logistics.GetByRole(AriaRole.Link, new() { Name = "Shipments" }).First.ClickAsync();
        await logistics.GetByLabel("Search the shipments").FillAsync($"wb-{token.ToLowerInvariant()}");
        await logistics.GetByLabel("Status").SelectOptionAsync(["Dispatched"]);
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(logistics).ToHaveURLAsync(new Regex("status=Dispatched"));
        Assert.Equal([$"WB-{token}-C", $"WB-{token}-B"], await FirstCellsAsync(logistics, "#shipments"));      // latest dispatch first; A is received
        await logistics.GetByRole(AriaRole.Link, new() { Name = "Waybill" }).ClickAsync();
        await Expect(logistics).ToHaveURLAsync(new Regex("sort=waybill"));
        Assert.Equal([$"WB-{token}-B", $"WB-{token}-C"], await FirstCellsAsync(logistics, "#shipments"));
        await Expect(logistics.GetByLabel("Status")).ToHaveValueAsync("Dispatched");
        await logistics.GotoAsync($"logistics/shipments?q=WB-{token}&sort=-waybill&size=2&page=2");
        await Expect(logistics.GetByText("3–3 of 3")).ToBeVisibleAsync();
        Assert.Equal([$"WB-{token}-A"], await FirstCellsAsync(logistics, "#shipments"));

        // Deliveries: the outstanding lines of the contract, found by its reference.
        await logistics.GotoAsync($"logistics/deliveries?q={contract.Reference}");
        await Expect(logistics.Locator("#expected tbody tr")).ToHaveCountAsync(2);
        await logistics.GetByRole(AriaRole.Link, new() { Name = "Deadline ▲" }).ClickAsync();                     // latest deadline first: the cameras (60 days)
        await Expect(logistics).ToHaveURLAsync(new Regex("sort=-deadline"));
        await Expect(logistics.Locator("#expected tbody tr").First).ToContainTextAsync(camera.Description);
        await logistics.GotoAsync($"logistics/deliveries?q={contract.Reference}&sort=-deadline&size=1&page=2");
        await Expect(logistics.GetByText("2–2 of 2")).ToBeVisibleAsync();
        await Expect(logistics.Locator("#expected tbody tr")).ToContainTextAsync(expected.Items.Single(d => d.ItemCategory == "Radio").Description);
        await logistics.GotoAsync($"logistics/deliveries?q={contract.Reference}");                                 // the grant's lines, then only the overdue: none yet
        await logistics.GetByLabel("Grant", new() { Exact = true }).SelectOptionAsync([grant.Id.ToString()]);
        await logistics.GetByLabel("Destination", new() { Exact = true }).SelectOptionAsync(["TN-RAS-AJDIR"]);
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(logistics).ToHaveURLAsync(new Regex($"grant={grant.Id}"));
        await Expect(logistics.Locator("#expected tbody tr")).ToHaveCountAsync(1);                                 // the cameras; the radios go to Dehiba
        await Expect(logistics.Locator("#expected tbody tr")).ToContainTextAsync(camera.Description);
        await logistics.GetByLabel("Overdue only").CheckAsync();
        await logistics.GetByLabel("Search the expected deliveries").FillAsync("");
        await logistics.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(logistics).ToHaveURLAsync(new Regex("overdue=true"));
        await Expect(logistics.Locator("#expected tbody tr")).ToHaveCountAsync(0);                                 // both deadlines are still ahead
        await Expect(logistics.GetByText("No outstanding delivery matches these filters.")).ToBeVisibleAsync();
        await Expect(logistics.GetByLabel("Overdue only")).ToBeCheckedAsync();

        // Suppliers and requisitions, by procurement.
        var officer = await SignInAsync("officer");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Suppliers" }).First.ClickAsync();
        await officer.GetByLabel("Search the suppliers").FillAsync(token);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal([$"Alpha Optics {token}", $"Beta Optics {token}", $"Gamma Optics {token}"], await FirstCellsAsync(officer, "#suppliers"));
        await officer.GetByRole(AriaRole.Link, new() { Name = "Established in" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("sort=country"));
        Assert.Equal(["Germany", "France", "Tunisia"], await FirstCellsAsync(officer, "#suppliers", 1));             // by code, shown by name
        await officer.GotoAsync($"procurement/suppliers?q={token}&country=FR");
        Assert.Equal([$"Beta Optics {token}"], await FirstCellsAsync(officer, "#suppliers"));
        await Expect(officer.Locator("#supplier-country")).ToHaveValueAsync("FR");

        await officer.GetByRole(AriaRole.Link, new() { Name = "Requisitions" }).First.ClickAsync();
        await officer.GetByLabel("Search the requisitions").FillAsync($"radio {token.ToLowerInvariant()}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal([$"Radio {token} first", $"Radio {token} second", $"Radio {token} third"], await FirstCellsAsync(officer, "#requisitions"));   // oldest raised first
        await officer.GetByRole(AriaRole.Link, new() { Name = "Required by" }).ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex("sort=requiredBy"));
        Assert.Equal([$"Radio {token} second", $"Radio {token} third", $"Radio {token} first"], await FirstCellsAsync(officer, "#requisitions"));
        await officer.GotoAsync($"procurement/requisitions?q=Radio%20{token}&sort=requiredBy&size=2&page=2&status=Open");
        await Expect(officer.GetByText("3–3 of 3")).ToBeVisibleAsync();
        Assert.Equal([$"Radio {token} first"], await FirstCellsAsync(officer, "#requisitions"));
        await Expect(officer.GetByLabel("Status")).ToHaveValueAsync("Open");

        // Verification visits, by donor reporting: the grant's, latest planned first, then soonest.
        var monitor = await SignInAsync("monitor");
        await monitor.GetByRole(AriaRole.Link, new() { Name = "Verification visits" }).First.ClickAsync();
        await monitor.GetByLabel("Grant", new() { Exact = true }).SelectOptionAsync([grant.Id.ToString()]);
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex($"grant={grant.Id}"));
        Assert.Equal([Day(7), Day(2)], await FirstCellsAsync(monitor, "#visits", 2));
        await monitor.GetByRole(AriaRole.Link, new() { Name = "Planned for ▼" }).ClickAsync();
        await Expect(monitor).ToHaveURLAsync(new Regex("sort=plannedFor"));
        Assert.Equal([Day(2), Day(7)], await FirstCellsAsync(monitor, "#visits", 2));
        await monitor.GotoAsync($"donor/visits?grant={grant.Id}&sort=plannedFor&size=1&page=2");
        await Expect(monitor.GetByText("2–2 of 2")).ToBeVisibleAsync();
        Assert.Equal([Day(7)], await FirstCellsAsync(monitor, "#visits", 2));
        await monitor.GetByRole(AriaRole.Link, new() { Name = "Whole grant" }).ClickAsync();                       // the visit's own page
        await Expect(monitor).ToHaveURLAsync(new Regex("donor/visits/[0-9a-f-]{36}$"));
    }
}
