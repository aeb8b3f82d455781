using Aspire.Hosting;
using Equipment.AppHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// dotnet run --project deploy/Equipment.AppHost [-- --reset] [--no-seed] [--data DIR] [--postgres CONNECTION] [--replicas N] [--…-port N]
var options = HostOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(HostOptions.Usage);
    return 2;
}

var system = new EquipmentSystem(options);
if (options.Reset && Directory.Exists(system.DataDirectory))
{
    Directory.Delete(system.DataDirectory, recursive: true);
    Console.WriteLine($"--reset: removed {system.DataDirectory}");
}
Directory.CreateDirectory(system.DataDirectory);

var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = options.AspireArgs,
    DashboardApplicationName = "Equipment",
    AllowUnsecuredTransport = true,
    EnableResourceLogging = options.ConsoleLogs,   // plain HTTP on loopback: no developer certificate, no trust prompt
});

// The dashboard on fixed loopback addresses over plain HTTP, without a login (it listens on 127.0.0.1 only); anything
// set in the environment or on the command line wins.
var dashboard = new Dictionary<string, string?>
{
    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{options.Ports.Dashboard}",
    ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{options.Ports.DashboardOtlp}",
    ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{options.Ports.DashboardResources}",
    ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
    ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
};
builder.Configuration.AddInMemoryCollection(dashboard.Where(d => string.IsNullOrEmpty(builder.Configuration[d.Key])));

system.AddTo(builder);
builder.Services.AddSingleton(system);
builder.Services.AddSingleton<StartupReport>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<StartupReport>());
builder.Services.AddSingleton<RestartCrashedParts>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<RestartCrashedParts>());

await builder.Build().RunAsync();
return Environment.ExitCode;
