using System.Globalization;
using Microsoft.AspNetCore.Localization;

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

    public static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static IServiceCollection AddPortalLanguages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Offered.Select(l => new CultureInfo(l.Code)).ToList();
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

    /// <summary><c>POST /language</c> (<c>code</c>, <c>returnUrl</c>): keeps the choice and goes back to the page (a local address only).</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string? code, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Offered.FirstOrDefault(l => l.Code == code).Code;
            if (chosen is null) return Results.Problem(statusCode: 400, title: "Unknown language", detail: "code must be one of en, fr, ar.");
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
            return Results.Redirect(back);
        });
}
