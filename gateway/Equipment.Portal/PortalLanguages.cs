using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Equipment.Portal;

/// <summary>
/// The portal's three languages: English, French and Arabic (right to left). The user chooses one on any page (the
/// language form in the header posts to <c>/language</c>), the choice is kept in the standard culture cookie for a year,
/// and a browser that has not chosen gets the first of its Accept-Language that the portal speaks. Texts are translated
/// with <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/> and resx files under <c>Resources/</c>, one per
/// component (<c>Resources/Components/Pages/Procurement/Tenders.fr.resx</c>), keyed by the English text itself: English
/// needs no file, and a text without its translation shows in English, which the browser tests catch.
/// </summary>
public static class PortalLanguages
{
    public static readonly IReadOnlyList<(string Code, string Name)> Offered = [("en", "English"), ("fr", "Français"), ("ar", "العربية")];

    /// <summary>
    /// The cultures the portal formats numbers, money and dates with (see <see cref="Shown"/>). English keeps the
    /// unambiguous ISO date (2026-12-02) and a 24-hour clock; French its own (02/12/2026, 1 234,56); Arabic the Gregorian
    /// calendar and the Maghreb's separators (1.234,56; the ICU default is the Umm al-Qura calendar for neutral Arabic
    /// in some versions and Arabic separators with Latin digits), as the North African administrations write them.
    /// </summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [English(), French(), Arabic()];

    private static CultureInfo English()
    {
        var c = new CultureInfo("en");
        c.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        c.DateTimeFormat.ShortTimePattern = "HH:mm";
        c.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        return c;
    }

    private static CultureInfo French()
    {
        var c = new CultureInfo("fr");
        c.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        c.DateTimeFormat.ShortTimePattern = "HH:mm";
        c.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        return c;
    }

    private static CultureInfo Arabic()
    {
        var c = new CultureInfo("ar");
        var gregorian = c.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        c.DateTimeFormat.Calendar = gregorian;
        c.DateTimeFormat.DateSeparator = "/";             // ICU's has a right-to-left mark around it; Latin digits and slashes read alike in both directions
        c.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        c.DateTimeFormat.ShortTimePattern = "HH:mm";
        c.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        c.NumberFormat.NumberDecimalSeparator = c.NumberFormat.CurrencyDecimalSeparator = c.NumberFormat.PercentDecimalSeparator = ",";
        c.NumberFormat.NumberGroupSeparator = c.NumberFormat.CurrencyGroupSeparator = c.NumberFormat.PercentGroupSeparator = ".";
        c.NumberFormat.NegativeSign = "-";
        return c;
    }

    /// <summary>The portal's culture for a language code (en, fr, ar), or English.</summary>
    public static CultureInfo Culture(string? code) => Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == code) ?? Cultures[0];

    private static readonly IStringLocalizerFactory StaticLocalizers = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);

    /// <summary>
    /// The texts of a class that is not a component (Problem, Labels, the plain-HTTP endpoints), from its resx files
    /// under Resources/ (<c>Resources/Problem.fr.resx</c>), in the current request's language.
    /// </summary>
    public static IStringLocalizer Texts(Type owner) => StaticLocalizers.Create(owner);

    public static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static IServiceCollection AddPortalLanguages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.ToList();
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UsePortalLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// Keeps a language for this browser (the culture cookie, a year) when the portal speaks it: a language code or a
    /// BCP 47 tag ("fr", "fr-TN", "ar-MA"); anything else leaves the browser's choice as it was. Returns whether it was kept.
    /// </summary>
    public static bool Keep(HttpContext context, string? tag)
    {
        var code = tag?.Split('-', '_')[0].ToLowerInvariant();
        if (Offered.All(l => l.Code != code)) return false;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code!)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return true;
    }

    /// <summary><c>POST /language</c> (<c>code</c>, <c>returnUrl</c>): keeps the choice and goes back to the page (a local address only).</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? code, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!Keep(context, code)) return Results.Problem(statusCode: 400, title: "Unknown language", detail: "code must be one of en, fr, ar.");
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
            return Results.Redirect(back);
        });
}
