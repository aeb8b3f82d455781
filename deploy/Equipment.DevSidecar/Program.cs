using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Hosting;
using Equipment.DevSidecar;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddJsonLogging();
builder.AddEquipmentTelemetry("dev-sidecar");

var options = new SidecarOptions();
builder.Configuration.GetSection("Sidecar").Bind(options);
options.Apps.RemoveAll(a => string.IsNullOrWhiteSpace(a.AppId) || a.InstanceUrls().Count == 0);
foreach (var (configured, url) in options.Apps.SelectMany(a => a.InstanceUrls().Select(u => (a, u))).Where(x => !Uri.TryCreate(x.u, UriKind.Absolute, out _)))
    throw new InvalidOperationException($"Sidecar:Apps: '{url}' of {configured.AppId} is not an absolute URL.");
foreach (var twice in options.Apps.GroupBy(a => a.AppId).Where(g => g.Count() > 1))
    throw new InvalidOperationException($"Sidecar:Apps: {twice.Key} is listed {twice.Count()} times; list its instances under one entry's Urls.");
options.ApiToken ??= NullIfEmpty(builder.Configuration["DAPR_API_TOKEN"]);
options.AppApiToken ??= NullIfEmpty(builder.Configuration["APP_API_TOKEN"]);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DeliverySignal>();
builder.Services.AddSingleton<StoreWriteGate>();
builder.Services.AddSingleton<BulkSubscriptions>();
builder.Services.AddScoped<Publisher>();
builder.Services.AddGrpc(o => o.Interceptors.Add<DaprApiTokenInterceptor>());
ListenLikeDaprd(builder);

DataFiles.PrepareSqlite(options.Database);   // its folder made, the file its owner's only (0600)
// The store's commits are not flushed to disk one by one (synchronous=NORMAL with its WAL: safe when the process is
// killed, not when the machine loses power): the DevSidecar stands in for daprd and a broker on a developer's machine,
// where a commit's fsync was most of a publish's time.
var storePragmas = SqliteConnectionPragmas.Services;
// Pooled, as the services' are: a delivery leases a context instead of building one and its options.
builder.Services.AddDbContextPool<SidecarDbContext>(o => o.UseSqlite(options.Database).AddInterceptors(storePragmas));
builder.Services.AddHttpClient(nameof(DeliveryWorker), c => c.Timeout = Timeout.InfiniteTimeSpan);
builder.Services.AddHttpClient(nameof(SubscriptionDiscovery));
builder.Services.AddHostedService<SubscriptionDiscovery>();
builder.Services.AddHostedService<DeliveryWorker>();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SidecarDbContext>();
    await DatabaseMigrator.MigrateAsync(db, "Messages", app.Logger, CancellationToken.None);
}

app.MapPublish();
app.MapGet("/v1.0/healthz", () => Results.NoContent());
app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
app.MapGet("/health/live", () => Results.Json(new { status = "Healthy" }));
app.MapGet("/health/ready", async (SidecarDbContext db, CancellationToken ct) => await db.Database.CanConnectAsync(ct)
    ? Results.Json(new { status = "Healthy" })
    : Results.Json(new { status = "Unhealthy", description = "the sidecar's message store does not answer" }, statusCode: StatusCodes.Status503ServiceUnavailable));
app.MapMetadata();
app.MapGrpcService<DaprGrpcApi>();

app.Run();

// daprd's two ports on loopback: HTTP at --urls / ASPNETCORE_URLS (else DAPR_HTTP_PORT, default 3500), and gRPC at
// DAPR_GRPC_PORT (default 50001). The gRPC address joins the hosting URLs (endpoints configured in code or in a
// Kestrel section would make Kestrel ignore the URLs), and only that endpoint is HTTP/2-only: h2c, HTTP/2 without TLS,
// has no protocol negotiation, so the port must expect HTTP/2 from the first byte. The HTTP URLs keep Kestrel's defaults.
static void ListenLikeDaprd(WebApplicationBuilder builder)
{
    var http = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls
        ? urls
        : $"http://127.0.0.1:{builder.Configuration.GetValue("DAPR_HTTP_PORT", 3500)}";
    var grpcPort = builder.Configuration.GetValue("DAPR_GRPC_PORT", 50001);
    builder.WebHost.UseUrls(http, $"http://127.0.0.1:{grpcPort}");
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
    {
        if (endpoint.IPEndPoint?.Port == grpcPort) endpoint.Protocols = HttpProtocols.Http2;
    }));
}

static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

public partial class Program;
