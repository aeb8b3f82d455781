using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Equipment.AppHost;
using Equipment.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

public sealed partial class PortalTests
{
    /// <summary>A real 1×1 PNG, so that a browser shows it (naturalWidth 1) only if the portal served the stored image.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<int> NaturalWidthAsync(ILocator image)
    {
        await image.ScrollIntoViewIfNeededAsync();
        var element = await image.ElementHandleAsync();
        // The browser's own wait until the image has finished loading (or failed to), within the scenario's deadline.
        await image.Page.WaitForFunctionAsync("i => i.complete", element, new() { Timeout = (float)Scenario.Deadline.TotalMilliseconds });
        return await element.EvaluateAsync<int>("i => i.naturalWidth");
    }

    [Fact]
    public async Task Evidence_a_monitor_on_a_phone_records_a_visit_asset_by_asset_with_the_phones_position_and_a_photo_and_the_passport_shows_them()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (grant, assets, logisticsApi) = await ReceivedCamerasAsync(system, 2, warehouse);
        var grnId = (await logisticsApi.Inventory.GetPassportAsync(assets[0].Id)).GoodsReceivedNoteId!.Value;
        await logisticsApi.Inventory.AttachGoodsReceivedEvidenceAsync(grnId, new Refit.StreamPart(new MemoryStream(Png), "received.png", "image/png"), assets[0].Id.ToString());
        await InventoryRun.HandOverAsync(logisticsApi, assets, Scenario.Today, "Tunis", "Garde nationale (Tunisia)", new Representative("A", "B"), new Representative("C", "D"));
        foreach (var a in assets) await logisticsApi.Inventory.DeployAsync(a.Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today));
        var monitorApi = await system.SignInAsync("monitor");
        await Poll.UntilAsync(() => monitorApi.Reporting.GetGrantAsync(grant.Id), g => g.Figures.Funnel.Deployed == 2, Scenario.Deadline, "donor-reporting to count the deployments");
        var visit = await monitorApi.Reporting.PlanVisitAsync(grant.Id, new PlanVisitRequest("TN-RAS-AJDIR", Scenario.Today, 2, Seed: 1));
        await Poll.UntilAsync(() => monitorApi.Reporting.GetVisitAsync(visit.Id), v => v.ReceiptPhotos?.Count == 1, Scenario.Deadline, "donor-reporting to learn the receipt photo");
        var (first, second) = (visit.SampledAssetIds[0], visit.SampledAssetIds[1]);
        string SerialOf(Guid id) => assets.Single(a => a.Id == id).SerialNumber;

        var page = await SignInAsync("monitor", 390, 844, geolocation: new Geolocation { Latitude = 33.1536f, Longitude = 11.5637f });
        await page.GotoAsync($"donor/visits/{visit.Id}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the visit page scrolls sideways on a 390 px phone");
        var photographed = page.Locator($"#asset-{assets[0].Id} figure.receipt-photo img");
        Assert.Equal(1, await NaturalWidthAsync(photographed));                                   // inventory's image, through the portal with the monitor's token
        await Expect(page.Locator($"#asset-{assets[1].Id} figure.receipt-photo")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#asset-{first}")).ToContainTextAsync("Expected at Ras Ajdir");
        await ShotAsync(page, "40-monitor-visit-on-a-phone");

        // The first asset: answered, the phone's position, a photo taken; saved on its own.
        var one = page.Locator($"#asset-{first}");
        await one.GetByLabel("What you found").SelectOptionAsync(["FoundAsExpected"]);
        await one.GetByLabel("Signs of use").SelectOptionAsync(["true"]);
        await one.GetByLabel("EU visibility marking present").SelectOptionAsync(["true"]);
        await one.GetByRole(AriaRole.Button, new() { Name = "Use my position" }).ClickAsync();
        await Expect(one.GetByLabel("Latitude")).ToHaveValueAsync("33.153600");
        await Expect(one.GetByLabel("Longitude")).ToHaveValueAsync("11.563700");
        await Expect(one.Locator("input[type=file]")).ToHaveAttributeAsync("capture", "environment");
        await one.GetByLabel("Photos (take or choose)").SetInputFilesAsync(new FilePayload { Name = "IMG_0042.png", MimeType = "image/png", Buffer = Png });
        await one.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{SerialOf(first)} saved with 1 photo.");
        await Expect(page.Locator($"#asset-{first}")).ToContainTextAsync("Saved at");
        Assert.Equal(1, await NaturalWidthAsync(page.Locator($"#asset-{first} .finding-photos img")));
        // Saved at once: reporting has it before the visit is complete.
        var halfway = await monitorApi.Reporting.GetVisitAsync(visit.Id);
        Assert.Equal((VisitStatus.Planned, 1, 33.1536), (halfway.Status, halfway.Findings.Count, Math.Round(halfway.Findings[0].Latitude!.Value, 4)));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete the visit" })).ToHaveCountAsync(0);

        // The second: the position typed (with a comma, as a French keyboard gives it).
        var two = page.Locator($"#asset-{second}");
        await two.GetByLabel("What you found").SelectOptionAsync(["Unused"]);
        await two.GetByLabel("Signs of use").SelectOptionAsync(["false"]);
        await two.GetByLabel("EU visibility marking present").SelectOptionAsync(["true"]);
        await two.GetByLabel("Latitude").FillAsync("33,1541");
        await two.GetByLabel("Longitude").FillAsync("11.5629");
        await two.GetByLabel("Note").FillAsync("Kept in its case in the office");
        await two.GetByRole(AriaRole.Button, new() { Name = "Save this asset" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync($"{SerialOf(second)} saved.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the visit" }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Visit recorded on " + Scenario.Today.ToString("yyyy-MM-dd"));
        await Expect(page.Locator("ul.findings")).ToContainTextAsync($"{SerialOf(first)}: Found where expected, with signs of use, EU marking present");
        await Expect(page.Locator("ul.findings")).ToContainTextAsync("position 33.15410, 11.56290");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the recorded visit scrolls sideways");
        await ShotAsync(page, "41-monitor-visit-recorded-on-a-phone");
        var recorded = await monitorApi.Reporting.GetVisitAsync(visit.Id);
        Assert.Equal(VisitStatus.Recorded, recorded.Status);
        Assert.Equal(11.5629, recorded.Findings.Single(f => f.AssetId == second).Longitude!.Value, 4);

        // The passport shows the verification photo and the photo on receipt.
        await page.GotoAsync($"logistics/assets/{first}");
        var photos = page.Locator("section[aria-labelledby=asset-photos]");
        await Expect(photos).ToContainTextAsync("IMG_0042.png");
        await Expect(photos).ToContainTextAsync("Verification visit");
        Assert.Equal(1, await NaturalWidthAsync(photos.Locator("img[src^='evidence/reporting/']")));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deploy" })).ToHaveCountAsync(0);   // a monitor reads the passport, changes nothing
        await ShotAsync(page, "42-passport-with-verification-photo");
    }

    [Fact]
    public async Task Evidence_logistics_attaches_a_signed_delivery_note_to_a_goods_received_note_downloads_it_and_once_accepted_adds_nothing()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        var grnId = (await logisticsApi.Inventory.GetPassportAsync(assets[0].Id)).GoodsReceivedNoteId!.Value;
        var pdf = EvidenceFiles.Pdf(40_000);

        var page = await SignInAsync("logistics");
        await page.GotoAsync($"logistics/assets/{assets[0].Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Its goods received note" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"logistics/goods-received-notes/{grnId}$"));
        var evidence = page.Locator("#grn-evidence").Locator("..");
        await evidence.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "Bon de livraison signé.pdf", MimeType = "application/pdf", Buffer = pdf });
        await evidence.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Bon de livraison signé.pdf attached.");
        await Expect(evidence).ToContainTextAsync("PDF document · 39 KB");

        // Downloaded as it was uploaded, with its name.
        var download = await page.RunAndWaitForDownloadAsync(() => evidence.GetByRole(AriaRole.Link, new() { Name = "Bon de livraison signé.pdf" }).ClickAsync());
        Assert.Equal("Bon de livraison signé.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync()));

        // A program renamed as a photo is refused in words.
        await evidence.GetByLabel("Attach a file").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = EvidenceFiles.Program() });
        await evidence.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("a file must be a JPEG, PNG or WebP photo or a PDF document");
        Assert.Single(await logisticsApi.Inventory.ListGoodsReceivedEvidenceAsync(grnId));

        // Accepted: the note is closed, the upload is gone and the service refuses one sent anyway.
        await logisticsApi.Inventory.AcceptGoodsAsync(grnId, new AcceptGoodsRequest(Scenario.Today));
        await page.ReloadAsync();
        await Expect(evidence).ToContainTextAsync("Closed (accepted)");
        await Expect(evidence.GetByLabel("Attach a file")).ToHaveCountAsync(0);
        await Expect(evidence.GetByRole(AriaRole.Button, new() { Name = "Remove Bon de livraison signé.pdf" })).ToHaveCountAsync(0);
        var refused = await Assert.ThrowsAsync<ApiException>(() => logisticsApi.Inventory.AttachGoodsReceivedEvidenceAsync(grnId,
            new Refit.StreamPart(new MemoryStream(pdf), "late.pdf", "application/pdf")));
        Assert.Equal(global::System.Net.HttpStatusCode.Conflict, refused.Status);
        await ShotAsync(page, "43-goods-received-note-closed");
    }

    [Fact]
    public async Task Evidence_a_technician_attaches_a_photo_to_a_work_order_and_once_it_is_completed_the_upload_is_gone()
    {
        var (_, camera, _) = await DeployedCameraAsync();
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == camera.Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var order = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.Id, WorkOrderKind.Corrective, null));

        var page = await SignInAsync("technician", 390, 844);
        await page.GotoAsync($"maintenance/work-orders/{order.Id}");
        var evidence = page.Locator("#work-order-evidence").Locator("..");
        await evidence.GetByLabel("Take or choose a photo").SetInputFilesAsync(new FilePayload { Name = "cracked-lens.png", MimeType = "image/png", Buffer = Png });
        await evidence.GetByRole(AriaRole.Button, new() { Name = "Attach", Exact = true }).DblClickAsync();     // a double click attaches it once
        await Expect(page.Locator("#flash")).ToContainTextAsync("cracked-lens.png attached.");
        Assert.Equal(1, await NaturalWidthAsync(evidence.Locator("img")));
        Assert.Single(await technicianApi.Maintenance.ListWorkOrderEvidenceAsync(order.Id));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the work order scrolls sideways on a phone");

        await technicianApi.Maintenance.ScheduleAsync(order.Id, new ScheduleWorkOrderRequest(Scenario.Today, "A. Trabelsi"));
        await technicianApi.Maintenance.StartAsync(order.Id);
        await technicianApi.Maintenance.CompleteAsync(order.Id, new CompleteWorkOrderRequest(Scenario.Today, 1, "Lens replaced", null));
        await page.ReloadAsync();
        await Expect(evidence).ToContainTextAsync("Closed (completed)");
        await Expect(evidence.GetByLabel("Take or choose a photo")).ToHaveCountAsync(0);
        await Expect(evidence).ToContainTextAsync("cracked-lens.png");
    }
}
