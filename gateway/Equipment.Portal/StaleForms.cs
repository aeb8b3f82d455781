using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Localization;

namespace Equipment.Portal;

/// <summary>
/// A form posted to a page that no longer shows it — another user decided the claim, cancelled the job or moved the
/// tender on while the page was open, or the form's antiforgery token is stale — gets the framework's bare 400, a browser
/// error page. The post of a page is held until it is answered; a 400 becomes a 303 back to the page as it is now, which
/// says once that nothing was sent. Only the pages' own posts are held (Razor component endpoints), never the files.
/// </summary>
public static class StaleForms
{
    private static IStringLocalizer T => PortalLanguages.Texts(typeof(StaleForms));

    public static IApplicationBuilder UseStaleForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next();
            return;
        }
        var body = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
        }
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted)
        {
            context.Response.Clear();
            Flash.Set(context, new FlashMessage(T["This page changed since you opened it, so nothing was sent: here it is as it is now."], Problem: true));
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            return;
        }
        held.Position = 0;
        await held.CopyToAsync(body, context.RequestAborted);
    });
}
