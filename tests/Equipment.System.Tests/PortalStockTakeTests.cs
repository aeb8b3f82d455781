using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>The portal's stock-take page and the "needs attention" list on the home page, in Chromium against the real system.</summary>
public sealed partial class PortalTests
{
    private static async Task<(GrantResponse Grant, IReadOnlyList<AssetResponse> Assets, EquipmentApi Logistics)> ReceivedCamerasAsync(
        RunningSystem system, int cameras, string warehouse)
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant, cameras);
        var logistics = await system.SignInAsync("logistics");
        await logistics.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Charguia II, Tunis"));
        var expected = await scenario.ExpectedAsync(contract.Id, atLeast: 2);
        var camera = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
        var assets = await InventoryRun.ShipAndReceiveAsync(logistics, expected.Items,
            [new Arrival(camera.ContractLineNumber, cameras, 0, "Thermovision", "TV-LW320", "ST-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant())],
            "WB-" + Guid.NewGuid().ToString("N")[..8], "DHL", warehouse, Scenario.Today.AddDays(-3), Scenario.Today.AddDays(-1));
        return (grant, assets, logistics);
    }

    [Fact]
    public async Task Logistics_counts_a_warehouse_one_serial_at_a_time_is_warned_of_a_double_scan_closes_the_count_and_the_donor_sees_what_is_missing()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (grant, assets, logisticsApi) = await ReceivedCamerasAsync(system, 2, warehouse);

        var page = await SignInAsync("logistics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Stock-takes" }).First.ClickAsync();
        await page.GetByLabel("Place to count").SelectOptionAsync([warehouse]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a count" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Count of Warehouse " + warehouse })).ToBeVisibleAsync();
        var tally = page.Locator("#tally");
        await Expect(tally).ToHaveTextAsync("Found 0 · Missing 2 · Elsewhere 0 · Unknown 0");

        var serial = page.GetByLabel("Serial number");
        await serial.FillAsync(assets[0].SerialNumber);
        await serial.PressAsync("Enter");
        await Expect(tally).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 0");
        await Expect(page.GetByLabel("Serial number")).ToHaveValueAsync("");
        await Expect(page.GetByLabel("Serial number")).ToBeFocusedAsync();                  // ready for the next one

        await page.GetByLabel("Serial number").FillAsync(assets[0].SerialNumber);
        await page.GetByLabel("Serial number").PressAsync("Enter");
        await Expect(page.Locator("#count-warning")).ToHaveTextAsync($"{assets[0].SerialNumber} is already counted here: scanned twice? It is counted once.");   // at once, not sent
        await Expect(tally).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 0");

        var unknown = "NOT-REGISTERED-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Serial number").FillAsync(unknown);
        await page.GetByLabel("Serial number").PressAsync("Enter");
        await Expect(tally).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 1");
        await ShotAsync(page, "20-logistics-stock-take-scanning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close the count" }).ClickAsync();
        await Expect(page.Locator("p.meta").First).ToContainTextAsync("Closed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Missing (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = assets[1].SerialNumber })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unknown (1)" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Serial number")).ToHaveCountAsync(0);
        await ShotAsync(page, "21-logistics-stock-take-closed");

        var seen = await logisticsApi.Inventory.GetAssetAsync(assets[0].Id);
        Assert.Equal((Scenario.Today, warehouse), (seen.LastSeenOn, seen.LastSeenPlace));
        Assert.Null((await logisticsApi.Inventory.GetAssetAsync(assets[1].Id)).LastSeenOn);

        // The donor's monitor sees the missing camera on the grant's dashboard, once donor-reporting has the count.
        var monitor = await SignInAsync("monitor");
        await monitor.GotoAsync($"donor/grants/{grant.Id}");
        var missingRow = monitor.GetByRole(AriaRole.Row).Filter(new() { HasText = assets[1].SerialNumber });
        await ReloadUntilVisibleAsync(monitor, missingRow, "donor-reporting to learn the closed count");
        await Expect(missingRow).ToContainTextAsync(warehouse);
        await Expect(monitor.GetByRole(AriaRole.Row).Filter(new() { HasText = assets[0].SerialNumber })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_monitors_home_page_lists_a_verification_follow_up_that_needs_attention_until_it_is_marked_done_on_the_visit()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (grant, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        await logisticsApi.Inventory.DeployAsync(assets[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var monitorApi = await system.SignInAsync("monitor");
        await Poll.UntilAsync(() => monitorApi.Reporting.GetGrantAsync(grant.Id), g => g.Figures.Funnel.Deployed == 1, Scenario.Deadline, "donor-reporting to count the deployment");
        var visit = await monitorApi.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest("TN-RAS-AJDIR", Scenario.Today, 1, Seed: 1));
        var action = "Retrain the night shift " + Guid.NewGuid().ToString("N")[..6];
        await monitorApi.Reporting.RecordVisitAsync(visit.Id, new RecordVisitRequest(Scenario.Today,
            [new AssetObservation(assets[0].Id, Finding.Unused, false, true, "IMG_0043.jpg", 33.1536, 11.5637, DateTime.UtcNow.AddMinutes(-5))],
            [new FollowUp(action, "ICMPD", Scenario.Today.AddDays(14))]));

        var page = await SignInAsync("monitor");
        var item = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(action)) });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Needs attention" })).ToBeVisibleAsync();
        await Expect(item).ToBeVisibleAsync();
        await Expect(page.Locator("ul.attention li").Filter(new() { HasText = action }).Locator("time")).ToHaveTextAsync(Scenario.Today.AddDays(14).ToString("yyyy-MM-dd"));
        await ShotAsync(page, "22-monitor-home-needs-attention");
        await item.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"donor/visits/{visit.Id}$"));

        // Done: marked on the visit's page, it is no longer listed.
        await page.GetByLabel("What was done").FillAsync("Night shift retrained on the camera");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark it done" }).ClickAsync();
        await Expect(page.Locator("ul.follow-ups li").Filter(new() { HasText = action })).ToContainTextAsync("done on " + Scenario.Today.ToString("yyyy-MM-dd"));
        await ShotAsync(page, "23-monitor-follow-up-done");
        await page.GotoAsync(system.Gateway.ToString());
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(action)) })).ToHaveCountAsync(0);
    }
}
