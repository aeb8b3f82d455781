using Equipment.ApiClient;
using Equipment.Portal;
using Equipment.Portal.Components;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();          // the framework's and our static files, however the portal is started
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

var gateway = new Uri(builder.Configuration["Portal:GatewayUrl"] ?? "http://127.0.0.1:8080/");
// The gateway believes the browser's address (X-Forwarded-For) only from the portal's own address: on one machine the
// portal calls it from Portal:SourceAddress (127.0.0.2), which no other local client uses by accident.
var source = GatewaySource.For(gateway, builder.Configuration["Portal:SourceAddress"]);
builder.Services.AddHttpClient(PortalApi.GatewayClient, http =>
{
    http.BaseAddress = gateway;
    http.Timeout = TimeSpan.FromSeconds(60);
}).ConfigurePrimaryHttpMessageHandler(() => GatewaySource.Handler(source));
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<UserToken>();
builder.Services.AddEquipmentApi(gateway, TimeSpan.FromSeconds(60), client => client
    .AddHttpMessageHandler<UserToken>()
    .ConfigurePrimaryHttpMessageHandler(() => GatewaySource.Handler(source)));
builder.Services.AddScoped<PortalApi>();
builder.Services.AddScoped<GatewaySignIn>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<SubmittedForms>();
builder.Services.AddSingleton<KeptUploads>();

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/signin";
        o.LogoutPath = "/signout";
        o.AccessDeniedPath = "/";
        o.Cookie.Name = "equipment.portal";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);         // the gateway's token lives as long
        o.SlidingExpiration = false;
    });
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRazorComponents();
builder.Services.AddPortalLanguages();

// Behind the gateway: links and sign-in redirects use the address the browser used (the gateway's), not the portal's own.
builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

var app = builder.Build();
app.UseForwardedHeaders();
app.UsePortalLanguages();
app.UsePageSafety();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseFlash();
app.UseStaleForms();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));     // serves pages; the services' health is the gateway's
app.MapGet("/health/live", () => Results.Ok(new { status = "Healthy" }));
app.MapPost("/signout", async (HttpContext context) =>
{
    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.Redirect("/signin");
});
// The sign-in session, for the page script that keeps a form from being sent after it ended: when it ends, and a fresh
// antiforgery token for a form rendered before the user signed in again in another tab.
app.MapGet("/session", (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) => Results.Ok(new
{
    endsAt = long.Parse(context.User.FindFirst(PortalClaims.SessionEnds)?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture),
    antiforgeryToken = antiforgery.GetAndStoreTokens(context).RequestToken,
})).RequireAuthorization();
PortalLanguages.Map(app);
Downloads.Map(app);
ReceiptImports.Map(app);
EvidenceUploads.Map(app);
VisitFindings.Map(app);
WorkOrderSteps.Map(app);
OverdueWorkOrders.Map(app);
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
