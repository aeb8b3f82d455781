using Equipment.Portal;
using Equipment.Portal.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();          // the framework's and our static files, however the portal is started
builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

var gateway = new Uri(builder.Configuration["Portal:GatewayUrl"] ?? "http://127.0.0.1:8080/");
builder.Services.AddHttpClient(PortalApi.GatewayClient, http =>
{
    http.BaseAddress = gateway;
    http.Timeout = TimeSpan.FromSeconds(60);
});
builder.Services.AddScoped<PortalApi>();
builder.Services.AddScoped<GatewaySignIn>();

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

var app = builder.Build();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
app.MapPost("/signout", async (HttpContext context) =>
{
    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.Redirect("/signin");
});
Downloads.Map(app);
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
