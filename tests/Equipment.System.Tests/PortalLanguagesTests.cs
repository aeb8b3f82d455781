using System.Text.Json;
using System.Xml.Linq;
using Equipment.ApiClient;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// The portal in French and in Arabic (right to left): every page of every role, as the accessibility test walks them,
/// shows no English text that has a translation and no text key, passes axe-core, and the language chosen on one page
/// holds on the next and after signing out and in again. Screenshots of each page in each language are kept.
/// </summary>
public sealed partial class PortalTests
{
    private static readonly string PortalResources = Path.Combine(EquipmentSystem.FindRepositoryRoot(), "gateway", "Equipment.Portal", "Resources");

    /// <summary>
    /// What must not be seen on a page in <paramref name="language"/>: every English text (a key, or a code's English
    /// in the entry's comment) whose translation in that language differs from it, and every code key ("Procedure.SingleTender").
    /// </summary>
    private static (HashSet<string> English, HashSet<string> Keys) Untranslated(string language)
    {
        var english = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(PortalResources, $"*.{language}.resx", SearchOption.AllDirectories))
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                var (key, value, comment) = ((string)data.Attribute("name")!, (string)data.Element("value")!, (string?)data.Element("comment"));
                var text = (comment ?? key).Trim();
                if (comment is not null) keys.Add(key);
                if (text != value.Trim() && !text.Contains('{') && text.Any(char.IsLetter)) english.Add(text);
            }
        return (english, keys);
    }

    /// <summary>The page's visible text nodes, its title, its options and the texts read aloud (aria-label, placeholder, title).</summary>
    private static async Task<IReadOnlyList<string>> TextsOfAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(
            """
            () => {
                const out = [document.title];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const text = n.textContent.replace(/\s+/g, ' ').trim();
                    const el = n.parentElement;
                    if (!text || !el || el.closest('script, style, template, [hidden], [translate=no]')) continue;   // a user's name is not a text to translate
                    if (!el.closest('option') && el.getClientRects().length === 0) continue;
                    out.push(text);
                }
                for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]'))
                    for (const a of ['aria-label', 'placeholder', 'title']) { const v = el.getAttribute(a); if (v && v.trim()) out.push(v.trim()); }
                return out;
            }
            """);

    [Fact]
    public async Task Languages_every_page_of_every_role_is_in_French_and_in_Arabic_right_to_left_with_no_English_left_and_passes_axe()
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
        var technicianApi = await system.SignInAsync("technician");
        await Poll.UntilAsync(() => technicianApi.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 200), p => p.Items.Any(a => a.AssetId == camera.Id),
            Scenario.Deadline, "maintenance to learn the deployed camera");
        var order = await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.Id, WorkOrderKind.Preventive, null));
        await technicianApi.Maintenance.RecordUsageAsync(camera.Id, new RecordUsageRequest(Scenario.Today, Scenario.Today, 3, null, 1));      // the use listed
        var claim = await technicianApi.Maintenance.RaiseWarrantyClaimAsync(
            (await technicianApi.Maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(camera.Id, WorkOrderKind.Preventive, null))).Id);

        var pages = new Dictionary<string, string[]>
        {
            ["officer"] = ["", "procurement/tenders", "procurement/requisitions", "procurement/suppliers", $"procurement/tenders/{contract.TenderId}", $"procurement/contracts/{contract.Id}"],
            ["logistics"] = ["", "logistics/deliveries", "logistics/shipments", "logistics/goods-received-notes", "logistics/handovers", "logistics/assets", $"logistics/assets/{camera.Id}", $"logistics/shipments/{shipment.Id}",
                "logistics/handover", "logistics/stock-takes", $"logistics/stock-takes/{count.Id}", $"logistics/contracts/{contract.Id}/dispatch",
                $"logistics/assets/{camera.Id}/transfer"],
            ["technician"] = ["", "maintenance/work-orders", $"maintenance/work-orders/{order.Id}", "maintenance/warranty-claims", "maintenance/plans",
                $"maintenance/assets/{camera.Id}/usage", $"maintenance/warranty-claims/{claim.Id}"],
            ["monitor"] = ["", "donor/grants", $"donor/grants/{grant.Id}", "donor/visits", $"donor/visits/{visit.Id}", $"donor/grants/{grant.Id}/allegations"],
            ["admin"] = ["", "admin/grants", $"admin/grants/{grant.Id}", $"donor/grants/{grant.Id}"],
        };
        var found = new List<string>();
        foreach (var language in new[] { "fr", "ar" })
        {
            var (english, keys) = Untranslated(language);
            Assert.True(english.Count > 300, $"only {english.Count} English texts with a {language} translation: the resource files were not read");

            async Task CheckAsync(IPage page, string shot)
            {
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.Locator("html").GetAttributeAsync("dir"));
                var path = new Uri(page.Url).PathAndQuery;
                foreach (var text in (await TextsOfAsync(page)).Distinct())
                {
                    if (english.Contains(text)) found.Add($"{language} {path}: English \"{text}\"");
                    if (keys.Contains(text)) found.Add($"{language} {path}: the key \"{text}\"");
                }
                found.AddRange((await AxeViolationsAsync(page)).Select(v => $"{language} {v}"));
                await ShotAsync(page, shot);
            }

            var anonymous = await (await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString(), BypassCSP = true })).NewPageAsync();
            await ChooseLanguageAsync(anonymous, language);
            foreach (var path in new[] { "signin", "error", "no-such-page" })
            {
                await anonymous.GotoAsync(path);
                await CheckAsync(anonymous, $"lang-{language}-anonymous-{path}");
            }
            foreach (var (user, paths) in pages)
            {
                var page = await SignInAsync(user, bypassCsp: true);
                await ChooseLanguageAsync(page, language);
                foreach (var path in paths)
                {
                    await page.GotoAsync(path);
                    await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                    var slug = path.Length == 0 ? "home" : path.Replace('/', '-');
                    await CheckAsync(page, $"lang-{language}-{user}-{slug[..Math.Min(slug.Length, 60)]}");
                }
            }
        }
        Assert.True(found.Count == 0, $"{found.Count} problems:\n" + string.Join("\n", found.Distinct()));
    }

    /// <summary>Sets the language as the language form does (the culture cookie it keeps), for the pages the context opens next.</summary>
    private async Task ChooseLanguageAsync(IPage page, string language) =>
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c%3D{language}%7Cuic%3D{language}", Url = system.Gateway.ToString() }]);

    [Fact]
    public async Task Languages_a_language_chosen_on_one_page_holds_on_the_next_and_after_signing_out_and_in_again()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // chosen on the sign-in page: the page comes back in French, the choice shown as the current one
        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "false");
        await page.GetByLabel("Nom d'utilisateur").FillAsync("admin");
        await page.GetByLabel("Mot de passe").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue" })).ToBeVisibleAsync();

        // the next page, reached by the menu, is French too
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Appels d'offres" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appels d'offres", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Émettre la demande d'achat" })).ToBeVisibleAsync();
        await ShotAsync(page, "lang-fr-phone-tenders");

        // switched to Arabic on that page: the same page, right to left
        await page.GetByRole(AriaRole.Button, new() { Name = "العربية" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "المناقصات", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/procurement/tenders", new Uri(page.Url).AbsolutePath);
        var mirrored = await page.EvaluateAsync<bool>(
            "() => { const h = document.querySelector('main h1').getBoundingClientRect(); return h.right > document.documentElement.clientWidth - 40; }");
        Assert.True(mirrored, "the Arabic heading starts on the right");
        await ShotAsync(page, "lang-ar-phone-tenders");

        // signed out and in again: still Arabic
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الخروج" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "تسجيل الدخول" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await page.GetByLabel("اسم المستخدم").FillAsync("admin");
        await page.GetByLabel("كلمة المرور").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الدخول", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "مرحبًا" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        // a refusal is said in the user's language, beside its field: a requisition without its budget line
        await page.GotoAsync("procurement/tenders");
        await page.GetByRole(AriaRole.Button, new() { Name = "إصدار طلب الشراء" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("اختر المنحة وبند الميزانية");
        await Expect(page.Locator("[id='budgetLineCode-error']")).ToHaveTextAsync("اختر بند ميزانية.");

        // the printable documents follow: the donor's report, downloaded through the portal, comes in Arabic
        var grantId = (await (await system.SignInAsync("admin")).Reporting.ListGrantsAsync(pageSize: 1)).Items[0].Id;
        var report = await page.APIRequest.GetAsync($"files/api/reporting/grants/{grantId}/report.html");
        Assert.Equal(200, report.Status);
        var html = await report.TextAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains("<h2>الميزانية</h2>", html);
    }

    [Fact]
    public async Task Languages_a_user_whose_profile_says_French_or_Arabic_gets_it_on_any_browser_at_sign_in()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.Gateway.ToString(), Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();

        async Task SignInAsync(string user, string userName, string password, string button)
        {
            await page.GetByLabel(userName).FillAsync(user);
            await page.GetByLabel(password).FillAsync("demo");
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        }

        // an English browser that never chose: moniteur's profile says French, and the portal speaks French once signed in
        await page.GotoAsync("signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await SignInAsync("moniteur", "User name", "Password", "Sign in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bienvenue" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToHaveAttributeAsync("aria-pressed", "true");

        // switched to English on a page, it holds on the next page of the session
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" })).ToBeVisibleAsync();
        await page.GotoAsync("search?q=nothing-like-this");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // the same phone, handed to muraqib, whose profile says Arabic: right to left from the sign-in on
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await SignInAsync("muraqib", "User name", "Password", "Sign in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "مرحبًا" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await ShotAsync(page, "lang-ar-profile-home");
        await context.CloseAsync();
    }
}
