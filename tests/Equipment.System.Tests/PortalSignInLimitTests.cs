using System.Text.RegularExpressions;
using Equipment.AppHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Equipment.System.Tests;

/// <summary>
/// The sign-in page over the gateway's limit of sign-ins per browser (three a minute here, 30 in production): it says
/// when to try again, with the answer 429, instead of an error page.
/// </summary>
public sealed class PortalSignInLimitTests(SignInLimitedSystem system) : IClassFixture<SignInLimitedSystem>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
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

    [Fact]
    public async Task Over_the_sign_in_limit_the_page_says_too_many_sign_ins_and_when_to_try_again()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.Gateway.ToString() });
        var page = await context.NewPageAsync();
        IResponse? last = null;
        for (var attempt = 1; attempt <= SignInLimitedSystem.PerMinute + 1; attempt++)
        {
            await page.GotoAsync("signin");
            await page.GetByLabel("User name").FillAsync("officer");
            await page.GetByLabel("Password").FillAsync("wrong");
            last = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");
            if (attempt <= SignInLimitedSystem.PerMinute)
                await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The name or password is not right.");
        }
        Assert.Equal(429, last!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex(@"^Too many sign-ins: try again in \d+ s\.$"));
        await Expect(page.GetByLabel("User name")).ToHaveValueAsync("officer");            // what was typed is kept
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}

/// <summary>A system whose gateway allows three sign-ins a minute from one address.</summary>
public sealed class SignInLimitedSystem : RunningSystem
{
    public const int PerMinute = 3;

    protected override IEnumerable<KeyValuePair<string, string>> Settings(string part) =>
        part == EquipmentSystem.Gateway ? [new("RateLimiting__TokenPermitLimit", PerMinute.ToString())] : [];
}
