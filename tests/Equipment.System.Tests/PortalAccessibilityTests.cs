using System.Text.Json;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// axe-core (npm, checked in under axe/) on every page of the portal as each role that uses it, with records on them,
/// and on forms showing a refusal: no violation of impact "critical" or "serious".
/// </summary>
public sealed partial class PortalTests
{
    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(EquipmentSystem.FindRepositoryRoot(), "tests", "Equipment.System.Tests", "axe", "axe.min.js")));

    /// <summary>The serious and critical violations axe finds on the page, one line each with the elements concerned.</summary>
    private static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Axe.Value });               // the page's context bypasses its CSP for this script
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
                const r = await axe.run(document);
                return {
                    passes: r.passes.length,
                    violations: r.violations
                        .filter(v => v.impact === 'critical' || v.impact === 'serious')
                        .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`),
                };
            }
            """);
        var path = new Uri(page.Url).PathAndQuery;
        Assert.True(result.GetProperty("passes").GetInt32() > 10, $"axe-core checked almost nothing on {path}");   // it really ran
        return result.GetProperty("violations").EnumerateArray().Select(v => $"{path}: {v.GetString()}").ToList();
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_portal_page_as_any_role()
    {
        var (grant, camera, logisticsApi) = await DeployedCameraAsync();
        var officerApi = await system.SignInAsync("officer");
        var contract = await officerApi.Procurement.GetContractAsync(camera.ContractId);
        var shipment = (await logisticsApi.Inventory.ListShipmentsAsync(contract.Id)).Items[0];
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logisticsApi.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + warehouse, "TN", "Tunis"));
        var count = await logisticsApi.Inventory.OpenStockTakeAsync(new OpenStockTakeRequest(warehouse));
        var monitorApi = await system.SignInAsync("monitor");
        var visit = await monitorApi.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest("TN-RAS-AJDIR", Scenario.Today, 1, Seed: 1));
        var passport = await logisticsApi.Inventory.GetPassportAsync(camera.Id);
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == camera.Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var order = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.Id, WorkOrderKind.Preventive, null));   // its page offers to raise a claim
        var claimed = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.Id, WorkOrderKind.Preventive, null));
        var claim = await technicianApi.Maintenance.RaiseWarrantyClaimAsync(claimed.Id);
        using var csv = new StringContent("contractLineNumber,serialNumber\n1,\n", global::System.Text.Encoding.UTF8, "text/csv");
        var import = await logisticsApi.Inventory.ImportReceiptsAsync(shipment.Id, Scenario.Today, csv);     // refused: its page lists the wrong rows
        await Poll.UntilAsync(() => logisticsApi.Inventory.GetImportAsync(import.Id), j => j.Status == ImportStatus.Failed, Scenario.Deadline, "the import to be refused");

        var pages = new Dictionary<string, string[]>
        {
            ["officer"] = ["", "procurement/tenders", "procurement/requisitions", "procurement/suppliers", $"procurement/tenders/{contract.TenderId}", $"procurement/contracts/{contract.Id}"],
            ["logistics"] = ["", "logistics/deliveries", "logistics/shipments", "logistics/goods-received-notes", "logistics/handovers", "logistics/assets",
                $"logistics/assets/{camera.Id}", $"logistics/assets/{camera.Id}/transfer", $"logistics/assets/{camera.Id}/disposal", $"logistics/shipments/{shipment.Id}",
                "logistics/handover", $"logistics/imports/{import.Id}", "logistics/stock-takes", $"logistics/stock-takes/{count.Id}", $"logistics/contracts/{contract.Id}/dispatch",
                $"logistics/goods-received-notes/{passport.GoodsReceivedNoteId}", $"logistics/handovers/{passport.Asset.HandoverCertificateId}",
                $"search?q={Uri.EscapeDataString(contract.Reference)}", "search?q=NO-SUCH-SERIAL", "search", $"logistics/assets/labels?id={camera.Id}", $"logistics/assets/deploy?id={camera.Id}"],
            ["technician"] = ["", "maintenance/work-orders", $"maintenance/work-orders/{order.Id}", "maintenance/plans", "maintenance/warranty-claims", $"maintenance/assets/{camera.Id}/usage",
                $"maintenance/warranty-claims/{claim.Id}", $"maintenance/work-orders/{claimed.Id}"],
            ["monitor"] = ["", "donor/grants", $"donor/grants/{grant.Id}", "donor/visits", $"donor/visits/{visit.Id}", $"donor/grants/{grant.Id}/allegations", $"logistics/assets/{camera.Id}"],
            ["admin"] = ["", $"donor/grants/{grant.Id}", "admin/grants", $"admin/grants/{grant.Id}"],
        };
        var found = new List<string>();
        var anonymous = await (await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString(), BypassCSP = true })).NewPageAsync();
        foreach (var path in new[] { "signin", "error", "no-such-page" })
        {
            await anonymous.GotoAsync(path);
            found.AddRange(await AxeViolationsAsync(anonymous));
        }
        foreach (var (user, paths) in pages)
        {
            var page = await SignInAsync(user, bypassCsp: true);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                found.AddRange(await AxeViolationsAsync(page));
            }
        }

        // On a phone: the stock-take with its scan button and the dashboard's charts and map.
        var phone = await SignInAsync("logistics", 390, 844, bypassCsp: true);
        foreach (var path in new[] { $"logistics/stock-takes/{count.Id}", $"search?q={Uri.EscapeDataString(contract.Reference)}" })
        {
            await phone.GotoAsync(path);
            found.AddRange(await AxeViolationsAsync(phone));
        }

        // Forms showing their refusals, beside the fields: the visit unanswered, a requisition without its specification.
        var monitor = await SignInAsync("monitor", 390, 844, bypassCsp: true);
        await monitor.GotoAsync($"donor/visits/{visit.Id}");
        await monitor.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        await Expect(monitor.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        found.AddRange(await AxeViolationsAsync(monitor));
        var officer = await SignInAsync("officer", bypassCsp: true);
        await officer.GotoAsync("procurement/tenders");
        await officer.GetByLabel("Grant and budget line").SelectOptionAsync([$"{grant.Id}|EQ-1"]);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Raise the requisition" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        found.AddRange(await AxeViolationsAsync(officer));

        Assert.True(found.Count == 0, "axe-core found:\n" + string.Join("\n", found));
    }
}
