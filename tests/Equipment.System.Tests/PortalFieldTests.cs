using System.Text.Json;
using System.Text.RegularExpressions;
using Equipment.ApiClient;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// In the field, on a phone (390 × 844): a QR label's payload opens its asset through sign-in, the global search finds an
/// asset by serial and by reference, a stock-take scanned with the camera (Chromium fed a fake camera showing the label)
/// warns of a double scan, and the donor's charts and map are readable.
/// </summary>
public sealed partial class PortalTests
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>The asset's sticker (inventory's label.svg), as logistics would print it.</summary>
    private static async Task<string> LabelSvgAsync(EquipmentApi logistics, Guid assetId)
    {
        using var answer = await logistics.Inventory.DownloadLabelSvgAsync(assetId);
        Assert.True(answer.IsSuccessStatusCode, $"label.svg answered {(int)answer.StatusCode}");
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Decodes the sticker's QR code for real: drawn on a canvas and read by the portal's own vendored scanner library.
    /// @zxing/library misreads about one perfectly sharp QR code in twenty at a given size (zxing-js/library#653; from a
    /// camera the next frame differs and is read), so the label is drawn at a few sizes and turns, as a hand-held camera
    /// would see it, and the first reading counts. A misread fails to decode; it never yields another text.
    /// </summary>
    private async Task<string> DecodeLabelAsync(string svg)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString(), BypassCSP = true });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("signin");
            await page.AddScriptTagAsync(new() { Url = "lib/zxing-library/zxing.min.js" });
            var text = await page.EvaluateAsync<string?>(
                """
                async svg => {
                    const image = new Image();
                    image.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(svg.replace('width="100mm" height="54mm"', 'width="1200" height="648"'))));
                    await image.decode();
                    const reader = new ZXing.QRCodeReader();
                    for (const [width, turn] of [[1000, 0], [1000, 90], [900, 0], [1100, 0], [900, 90], [1100, 90], [800, 180], [1200, 270]]) {
                        const height = width * 0.54, upright = turn % 180 === 0;
                        const canvas = document.createElement("canvas");
                        canvas.width = upright ? width : height; canvas.height = upright ? height : width;
                        const g = canvas.getContext("2d");
                        g.fillStyle = "#fff"; g.fillRect(0, 0, canvas.width, canvas.height);
                        g.translate(canvas.width / 2, canvas.height / 2); g.rotate(turn * Math.PI / 180);
                        g.drawImage(image, -width / 2, -height / 2, width, height);
                        try {
                            return reader.decode(new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.HTMLCanvasElementLuminanceSource(canvas)))).getText();
                        } catch (e) {
                            if (!(e instanceof ZXing.Exception)) throw e;
                        }
                    }
                    return null;
                }
                """, svg);
            return text ?? throw new Xunit.Sdk.XunitException("The label's QR code could not be read at any of 8 sizes and turns");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways on a {PhoneWidth} px screen");

    [Fact]
    public async Task Field_a_qr_labels_payload_opens_its_asset_on_a_phone_through_sign_in_and_back()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 1, warehouse);
        var svg = await LabelSvgAsync(logisticsApi, assets[0].Id);
        Assert.Contains($">{assets[0].SerialNumber}</text>", svg);
        Assert.Contains(">the European Union</text>", svg);

        var payload = await DecodeLabelAsync(svg);
        Assert.Equal($"{system.Gateway}assets/{assets[0].Id}", payload);           // the portal's public address, the run command's

        // Signed out, the phone's camera app opens the address: sign-in first, then the asset itself.
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight }, IsMobile = true, HasTouch = true,
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(payload);
        await Expect(phone).ToHaveURLAsync(new Regex(@"/signin\?ReturnUrl=%2Fassets%2F" + assets[0].Id, RegexOptions.IgnoreCase));
        await phone.GetByLabel("User name").FillAsync("logistics");
        await phone.GetByLabel("Password").FillAsync("demo");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex($"/logistics/assets/{assets[0].Id}$"));
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = assets[0].SerialNumber, Level = 1 })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync(phone);
        await ShotAsync(phone, "30-phone-label-opens-asset");

        // Signed in, the same address opens the asset at once.
        await phone.GotoAsync(payload);
        await Expect(phone).ToHaveURLAsync(new Regex($"/logistics/assets/{assets[0].Id}$"));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task Field_the_global_search_finds_an_asset_by_serial_label_contract_tender_and_shipment_reference_on_a_phone()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 2, warehouse);
        var contract = await (await system.SignInAsync("officer")).Procurement.GetContractAsync(assets[0].ContractId);
        var tender = await (await system.SignInAsync("officer")).Procurement.GetTenderAsync(contract.TenderId);
        var waybill = (await logisticsApi.Inventory.ListShipmentsAsync(contract.Id)).Items[0].WaybillNumber;
        var serials = assets.Select(a => a.SerialNumber).ToList();

        var page = await SignInAsync("logistics", PhoneWidth, PhoneHeight);
        var box = page.GetByRole(AriaRole.Search, new() { Name = "Find an asset" }).GetByLabel("Find an asset");
        await AssertNoSidewaysScrollingAsync(page);

        // A serial: straight to the asset.
        await box.FillAsync(serials[1].ToLowerInvariant());
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/logistics/assets/{assets[1].Id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = serials[1], Level = 1 })).ToBeVisibleAsync();

        // A label's address pasted: the asset too.
        await box.FillAsync($"{system.Gateway}assets/{assets[0].Id}");
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/logistics/assets/{assets[0].Id}$"));

        // The contract, the tender and the shipment: their assets listed, each leading to its page.
        foreach (var (reference, what) in new[] { (contract.Reference, "under this contract"), (tender.Reference, "under this tender"), (waybill, "from this shipment") })
        {
            await box.FillAsync(reference);
            await box.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"2 assets for “{reference}”");
            await Expect(page.Locator("main p.meta").First).ToContainTextAsync(what);
            foreach (var serial in serials) await Expect(page.GetByRole(AriaRole.Link, new() { Name = serial, Exact = true })).ToBeVisibleAsync();
            await Expect(box).ToHaveValueAsync(reference);                                         // the box keeps what was searched
            await AssertNoSidewaysScrollingAsync(page);
        }
        await ShotAsync(page, "31-phone-search-by-contract");
        await page.GetByRole(AriaRole.Link, new() { Name = serials[0], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = serials[0], Level = 1 })).ToBeVisibleAsync();

        // Nothing: said so.
        await box.FillAsync("NO-SUCH-" + Guid.NewGuid().ToString("N")[..8]);
        await box.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nothing found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No asset has" })).ToBeVisibleAsync();

        // The monitor finds their donor's asset and opens its passport (without the logistics actions).
        var monitor = await SignInAsync("monitor", PhoneWidth, PhoneHeight);
        var monitorBox = monitor.GetByRole(AriaRole.Search, new() { Name = "Find an asset" }).GetByLabel("Find an asset");
        await monitorBox.FillAsync(serials[0]);
        await monitorBox.PressAsync("Enter");
        await Expect(monitor.GetByRole(AriaRole.Heading, new() { Name = serials[0], Level = 1 })).ToBeVisibleAsync();
        await Expect(monitor.GetByRole(AriaRole.Link, new() { Name = "Write off, or report lost or stolen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Field_a_stock_take_on_a_phone_scans_a_label_with_the_camera_and_warns_of_the_double_scan_at_once_and_from_the_server()
    {
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (_, assets, logisticsApi) = await ReceivedCamerasAsync(system, 2, warehouse);
        var svg = await LabelSvgAsync(logisticsApi, assets[0].Id);

        // The fake camera's picture: the printed label held in front of it, as a hand moves it (a few JPEG frames at other
        // sizes and turns, each shown for a while, as an MJPEG file that Chromium loops). One still frame would not do:
        // @zxing/library misreads about one sharp QR code in twenty at a given size (see DecodeLabelAsync).
        var drawing = await (await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 480 } })).NewPageAsync();
        var frames = new List<byte[]>();
        foreach (var (width, turn) in new[] { (600, 0), (540, 3), (580, -4), (500, 0), (560, 180) })
        {
            var sized = svg.Replace("width=\"100mm\" height=\"54mm\"", $"width=\"{width}\" height=\"{width * 54 / 100}\"");
            await drawing.SetContentAsync($"<html><body style=\"margin:0;background:#fff;display:flex;align-items:center;justify-content:center;height:480px\"><div style=\"width:{width}px;transform:rotate({turn}deg)\">{sized}</div></body></html>");
            frames.Add(await drawing.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 95 }));
        }
        await drawing.Context.DisposeAsync();
        var video = Path.Combine(Path.GetTempPath(), $"equipment-label-{Guid.NewGuid():N}.mjpeg");
        await File.WriteAllBytesAsync(video, frames.SelectMany(frame => Enumerable.Repeat(frame, 8)).SelectMany(f => f).ToArray());

        await using var cameraBrowser = await _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={video}"],
        });
        var context = await cameraBrowser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.Gateway.ToString(), ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight }, IsMobile = true, HasTouch = true,
            Permissions = ["camera"],
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("signin");
        await page.GetByLabel("User name").FillAsync("logistics");
        await page.GetByLabel("Password").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("logistics/stock-takes");
        await page.GetByLabel("Place to count").SelectOptionAsync([warehouse]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a count" }).ClickAsync();
        var tally = page.Locator("#tally");
        await Expect(tally).ToHaveTextAsync("Found 0 · Missing 2 · Elsewhere 0 · Unknown 0");
        await AssertNoSidewaysScrollingAsync(page);

        // Scan: the camera reads the label; its asset is counted, and the camera starts again for the next one…
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Scan", Exact = true }).ClickAsync();
        await Expect(tally).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 0", new() { Timeout = 45_000 });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = assets[0].SerialNumber + ": found" })).ToBeVisibleAsync();
        // … reads the same label again, and the page says at once that it is counted already, without sending it.
        var warning = page.Locator("#count-warning");
        await Expect(warning).ToHaveTextAsync($"{assets[0].SerialNumber} is already counted here: scanned twice? It is counted once.", new() { Timeout = 45_000 });
        await Expect(page.Locator("#serial")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(tally).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 0");
        await AssertNoSidewaysScrollingAsync(page);
        await ShotAsync(page, "32-phone-stock-take-double-scan");
        await context.DisposeAsync();
        File.Delete(video);

        // Typed by hand where the page script does not run (or scanned by a colleague): the service says so too.
        var noScript = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.Gateway.ToString(), ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight }, JavaScriptEnabled = false,
        });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync("signin");
        await plain.GetByLabel("User name").FillAsync("logistics");
        await plain.GetByLabel("Password").FillAsync("demo");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var count = (await logisticsApi.Inventory.ListStockTakesAsync(placeCode: warehouse, status: StockTakeState.Open)).Items.Single();
        await plain.GotoAsync($"logistics/stock-takes/{count.Id}");
        await Expect(plain.GetByRole(AriaRole.Button, new() { Name = "Scan", Exact = true })).ToBeHiddenAsync();   // no script: typed only
        await plain.GetByLabel("Serial number").FillAsync(assets[0].SerialNumber);
        await plain.GetByLabel("Serial number").PressAsync("Enter");
        await Expect(plain.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Already scanned: {assets[0].SerialNumber} was already scanned in this count");
        await Expect(plain.Locator("#tally")).ToHaveTextAsync("Found 1 · Missing 1 · Elsewhere 0 · Unknown 0");
        await noScript.DisposeAsync();
    }

    [Theory]
    [InlineData(PhoneWidth, PhoneHeight)]
    [InlineData(1280, 900)]
    public async Task Field_the_donors_charts_and_map_keep_their_text_inside_readable_with_legends_and_labels_apart(int width, int height)
    {
        var (grant, _, _) = await DeployedCameraAsync();
        var page = await SignInAsync("monitor", width, height);
        await page.GotoAsync($"donor/grants/{grant.Id}");
        await Expect(page.Locator("svg.map path.land")).ToHaveCountAsync(1);
        Assert.True((await page.Locator("svg.map path.land").GetAttributeAsync("d"))!.Length > 1000, "the map draws the borders of Tunisia, Libya and Algeria");
        await Expect(page.Locator("svg.bar-chart")).ToHaveCountAsync(3);
        await Expect(page.Locator("svg.bar-chart .legend")).ToHaveCountAsync(3);
        await Expect(page.Locator("svg.map .legend")).ToContainTextAsync("units deployed");
        await Expect(page.Locator("svg.map g.point text:not(.count)")).ToHaveCountAsync(2);                   // Ras Ajdir and Dehiba–Wazin, both named

        var figures = await page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll("figure.chart svg")].map(svg => {
                const box = svg.viewBox.baseVal;
                const scale = svg.getBoundingClientRect().width / box.width;
                const texts = [...svg.querySelectorAll("text")].map(t => {
                    const b = t.getBBox();
                    return { text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height,
                             px: parseFloat(getComputedStyle(t).fontSize) * scale, label: t.closest("g.point") !== null && !t.classList.contains("count") };
                });
                return { width: box.width, height: box.height, texts };
            })
            """);
        var problems = new List<string>();
        foreach (var figure in figures.EnumerateArray())
        {
            double w = figure.GetProperty("width").GetDouble(), h = figure.GetProperty("height").GetDouble();
            var labels = new List<(string, double, double, double, double)>();
            foreach (var t in figure.GetProperty("texts").EnumerateArray())
            {
                var text = t.GetProperty("text").GetString()!;
                double x = t.GetProperty("x").GetDouble(), y = t.GetProperty("y").GetDouble(), right = t.GetProperty("right").GetDouble(), bottom = t.GetProperty("bottom").GetDouble();
                if (x < 0 || y < 0 || right > w + 0.5 || bottom > h + 0.5) problems.Add($"'{text}' [{x:0}, {y:0}, {right:0}, {bottom:0}] is outside the viewBox {w} × {h}");
                var px = t.GetProperty("px").GetDouble();
                if (px < 11 || px > 22) problems.Add($"'{text}' is drawn at {px:0.0} px on a {width} px screen");
                if (t.GetProperty("label").GetBoolean()) labels.Add((text, x, y, right, bottom));
            }
            foreach (var a in labels)
                foreach (var b in labels.Where(b => b != a))
                    if (a.Item2 < b.Item4 && b.Item2 < a.Item4 && a.Item3 < b.Item5 && b.Item3 < a.Item5) problems.Add($"the map's labels '{a.Item1}' and '{b.Item1}' overlap");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(figures.EnumerateArray().SelectMany(f => f.GetProperty("texts").EnumerateArray()), t => t.GetProperty("text").GetString() == "4,000,000 EUR");   // never "4,000,0"
        await ShotAsync(page, $"33-donor-dashboard-charts-{width}");
    }
}
