using Equipment.BuildingBlocks.Hosting;
using Equipment.DevSidecar;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddJsonLogging();

var options = new SidecarOptions();
builder.Configuration.GetSection("Sidecar").Bind(options);
options.Apps.RemoveAll(a => string.IsNullOrWhiteSpace(a.AppId) || string.IsNullOrWhiteSpace(a.Url));
foreach (var configured in options.Apps.Where(a => !Uri.TryCreate(a.Url, UriKind.Absolute, out _)))
    throw new InvalidOperationException($"Sidecar:Apps: '{configured.Url}' of {configured.AppId} is not an absolute URL.");
options.ApiToken ??= NullIfEmpty(builder.Configuration["DAPR_API_TOKEN"]);
options.AppApiToken ??= NullIfEmpty(builder.Configuration["APP_API_TOKEN"]);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DeliverySignal>();
builder.Services.AddSingleton<SubscriptionGate>();
builder.Services.AddScoped<Publisher>();

var dataSource = new SqliteConnectionStringBuilder(options.Database).DataSource;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dataSource))!);
builder.Services.AddDbContext<SidecarDbContext>(o => o.UseSqlite(options.Database));
builder.Services.AddHttpClient(nameof(DeliveryWorker), c => c.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddHttpClient(nameof(SubscriptionDiscovery));
builder.Services.AddHostedService<SubscriptionDiscovery>();
builder.Services.AddHostedService<DeliveryWorker>();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SidecarDbContext>();
    await db.Database.EnsureCreatedAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}

app.MapPublish();
app.MapGet("/v1.0/healthz", () => Results.NoContent());
app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
app.MapMetadata();

app.Run();

static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

public partial class Program;
