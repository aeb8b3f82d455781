using System.Threading.RateLimiting;
using Equipment.BuildingBlocks.Auth;
using Microsoft.AspNetCore.HttpOverrides;
using Equipment.BuildingBlocks.Hosting;
using Equipment.Gateway.Features;

var builder = WebApplication.CreateBuilder(args);
builder.AddJsonLogging();
builder.AddEquipmentTelemetry("gateway");

var auth = AuthOptions.FromConfiguration(builder.Configuration);
builder.Services.AddEquipmentAuthentication(auth);
builder.Services.AddSingleton<TokenIssuer>();
var identity = new LocalIdentityOptions();
builder.Configuration.GetSection("LocalIdentity").Bind(identity);
builder.Services.AddSingleton(identity);

builder.Services.AddProblemDetails();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHttpClient<SystemHealth>();
builder.Services.AddSingleton<SystemHealthCache>();

var limits = builder.Configuration.GetSection("RateLimiting");
var permitLimit = limits.GetValue("PermitLimit", 600);
var window = limits.GetValue("Window", TimeSpan.FromMinutes(1));
var tokenPermitLimit = limits.GetValue("TokenPermitLimit", 30);
var queueLimit = limits.GetValue("QueueLimit", 20);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.OnRejected = async (context, cancellationToken) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = 429, Title = "Too many requests", Detail = $"Slow down: try again in {retryAfter.TotalSeconds:F0} s." },
        });
    };
    // Per signed-in user (or per address before sign-in), so that one busy client cannot starve the others: a bucket of
    // PermitLimit requests, refilled at PermitLimit per Window a little at a time. A request over it waits for the next
    // token (up to QueueLimit of one user's requests wait; beyond that 429): a script that deploys 1,000 assets one
    // after the other is paced, not refused.
    var refill = Math.Max(1, permitLimit / 60);
    o.AddPolicy("api", context => RateLimitPartition.GetTokenBucketLimiter(
        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
        _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitLimit,
            TokensPerPeriod = refill,
            ReplenishmentPeriod = window * refill / permitLimit,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    // Sign-in attempts per address: slows password guessing.
    o.AddPolicy("token", context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = tokenPermitLimit, Window = window, QueueLimit = 0 }));
});

// The portal signs its users in through this gateway and says whose browser asked (X-Forwarded-For), so that the
// sign-in limit counts per browser. Only the proxies listed in ForwardedHeaders:KnownProxies (the portal's own source
// address, 127.0.0.2 on one machine) are believed; from anyone else, loopback included, the header is ignored, so a
// client cannot escape the limit by naming another address.
var knownProxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
    foreach (var proxy in knownProxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    // With no proxy known the middleware would believe everyone: then the header is not read at all.
    o.ForwardedHeaders = o.KnownProxies.Count > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
    o.ForwardLimit = 1;
});

var app = builder.Build();
app.UseForwardedHeaders();
app.UseCorrelationId();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

// Each service documents its own API (OpenAPI document and Scalar reference) on its own address.
var apis = new[] { ("procurement", "/api/procurement"), ("inventory", "/api/inventory"), ("maintenance", "/api/maintenance"), ("donor-reporting", "/api/reporting") }
    .Select(a => (Path: a.Item2, Service: builder.Configuration[$"ReverseProxy:Clusters:{a.Item1}:Destinations:primary:Address"]))
    .Where(a => Uri.IsWellFormedUriString(a.Service, UriKind.Absolute))
    .Select(a => new { path = a.Path, reference = new Uri(new Uri(a.Service!), "scalar/v1"), openApi = new Uri(new Uri(a.Service!), "openapi/v1.json") })
    .ToList();
app.MapGet("/api", () => Results.Json(new
{
    name = "Equipment gateway",
    health = "/health",
    token = "POST /api/auth/token {\"username\",\"password\"}",
    apis,
}));
// Any other /api path is an API mistake, not a page: a JSON 404 problem instead of the portal's HTML (the services'
// routes are more specific and win).
app.Map("/api/{**path}", (string? path) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
    detail: $"There is no API at /api/{path}; GET /api lists them."));
app.MapGet("/health", async (SystemHealthCache health) => (await health.GetAsync()).ToResult());   // the whole system, part by part
// The gateway's own probes: alive, and ready to route (its routes and clusters are loaded at start; each destination's
// health is YARP's active check, so one service down does not make the gateway unready).
app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }));
app.MapGet("/health/ready", () => Results.Json(new { status = "Healthy" }));
if (identity.Enabled) IssueToken.Map(app);
app.MapReverseProxy();

app.Run();

public partial class Program;
