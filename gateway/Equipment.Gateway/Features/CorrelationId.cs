namespace Equipment.Gateway.Features;

/// <summary>
/// Every request through the gateway carries <c>X-Correlation-Id</c>: the caller's when it sent a sane one, a new one
/// otherwise. It is forwarded to the service, returned to the caller and put in the gateway's log scope.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = IsSane(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Equipment.Gateway");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(context);
    });

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
