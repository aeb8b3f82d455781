namespace Equipment.Portal.Forms;

/// <summary>
/// Headers on every response of the portal: a Content-Security-Policy (scripts and styles from the portal's own files
/// only, no inline script; never framed), no MIME sniffing, no address sent to other sites. The files the services render
/// (reports, certificates: self-contained HTML with their own inline styles) get a policy with no script at all.
/// A redirect answering a form post is a 303, so the browser follows it with a GET (post-redirect-get); a refused post
/// rendered again may be kept in the browser's private cache, for Back.
/// </summary>
public static class PageSafety
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string FilePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    public static IApplicationBuilder UsePageSafety(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/files") || context.Request.Path.StartsWithSegments("/evidence") ? FilePolicy : PagePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode == StatusCodes.Status302Found)
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
            else if (HttpMethods.IsPost(context.Request.Method) && context.Response.StatusCode < 500)
            {
                // A refused form rendered again: the browser may keep it (privately) so that Back to it shows the page
                // again instead of "Confirm form resubmission" (ERR_CACHE_MISS); antiforgery had forbidden storing it.
                headers.CacheControl = "private, no-cache";
                headers.Remove("Pragma");
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
