using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Equipment.Portal.Forms;

/// <summary>
/// A message shown once, on the page a form redirects to after it went through (post-redirect-get): "Bid recorded",
/// with an optional link to what was made. <see cref="Problem"/> says it is a refusal (from the plain-HTTP step forms).
/// </summary>
public sealed record FlashMessage(string Text, string? LinkHref = null, string? LinkText = null, bool Problem = false);

/// <summary>
/// Carries a <see cref="FlashMessage"/> across the redirect in a short-lived cookie the portal encrypts and signs (Data
/// Protection), so nobody can craft one in a link, as they could with <c>?done=</c>. The next page the browser asks for
/// takes it and deletes the cookie: a reload shows it no more.
/// </summary>
public static class Flash
{
    private const string Cookie = "equipment.flash";
    private const string Purpose = "Equipment.Portal.Flash";
    private static readonly object TakenKey = new();

    /// <summary>Sets the message the next page shows (call before redirecting).</summary>
    public static void Set(HttpContext context, FlashMessage message)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
        context.Response.Cookies.Append(Cookie, protector.Protect(JsonSerializer.Serialize(message), TimeSpan.FromMinutes(2)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(2),
        });
    }

    /// <summary>The message taken from this request's cookie, for the layout to show; null when there is none.</summary>
    public static FlashMessage? Current(HttpContext context) => context.Items[TakenKey] as FlashMessage;

    /// <summary>
    /// Takes the message on the next page a browser navigates to (a GET asking for HTML, not a stylesheet or a download)
    /// and deletes its cookie. A cookie that was altered, or is older than two minutes, is dropped unread.
    /// </summary>
    public static IApplicationBuilder UseFlash(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Cookies.TryGetValue(Cookie, out var value)
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
            var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
            try
            {
                context.Items[TakenKey] = JsonSerializer.Deserialize<FlashMessage>(protector.Unprotect(value));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // altered, expired, or protected with keys this portal no longer has: nothing to show
            }
        }
        await next();
    });
}
