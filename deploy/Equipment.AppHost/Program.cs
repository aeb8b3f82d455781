using System.Runtime.InteropServices;
using Equipment.AppHost;

// dotnet run --project deploy/Equipment.AppHost [-- --reset] [--data DIR] [--gateway-port N] [--procurement-port N]
//   [--inventory-port N] [--maintenance-port N] [--reporting-port N] [--sidecar-port N] [--sidecar-grpc-port N] [--no-seed] [--json-logs]
var options = HostOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(HostOptions.Usage);
    return 2;
}

var layout = new SystemLayout(SystemLayout.FindRepositoryRoot(), options.DataDirectory, options.Ports) { PostgresServer = options.Postgres, Replicas = options.Replicas };
if (options.Reset && Directory.Exists(layout.DataDirectory))
{
    Directory.Delete(layout.DataDirectory, recursive: true);
    Console.WriteLine($"--reset: removed {layout.DataDirectory}");
}
Directory.CreateDirectory(layout.DataDirectory);

using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

var console = new object();
void Write(string name, string line)
{
    var text = options.JsonLogs ? line : LogLine.Readable(line);
    lock (console) Console.WriteLine($"{name,-16}| {text}");
}

var children = layout.All.Select(spec => new ChildProcess(spec, Write)).ToList();
string? death = null;
foreach (var child in children)
{
    child.Died += (c, code) =>
    {
        if (stop.IsCancellationRequested) return;
        var why = code > 128 ? $"code {code}, i.e. killed by signal {code - 128}" : $"code {code}";
        death = $"{c.Name} exited unexpectedly ({why}). Its last lines:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", c.Tail)}";
        stop.Cancel();
    };
}

var exitCode = 0;
try
{
    foreach (var child in children) child.Start();
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    await Task.WhenAll(children.Select(c => c.WaitReadyAsync(http, TimeSpan.FromSeconds(90), stop.Token)));

    var seedMarker = Path.Combine(layout.DataDirectory, ".demo-seeded");
    if (!options.NoSeed && !File.Exists(seedMarker))
    {
        Write("apphost", "seeding demo data through the gateway…");
        await DemoSeed.RunAsync(layout.GatewayUrl, message => Write("apphost", message), stop.Token);
        await File.WriteAllTextAsync(seedMarker, DateTime.UtcNow.ToString("O"));
    }

    lock (console)
    {
        Console.WriteLine();
        Console.WriteLine($"Equipment is running. Portal and gateway: {layout.GatewayUrl}   (health: {layout.GatewayUrl}health)");
        Console.WriteLine($"Data: {layout.DataDirectory}");
        Console.WriteLine("Demo logins (password 'demo' for all, local mode only):");
        Console.WriteLine("  officer     ProcurementOfficer");
        Console.WriteLine("  logistics   LogisticsOfficer");
        Console.WriteLine("  technician  MaintenanceTechnician");
        Console.WriteLine($"  monitor     DonorMonitor of {DemoSeed.EuDonor}");
        Console.WriteLine($"  monitor2    DonorMonitor of {DemoSeed.ItalyDonor}");
        Console.WriteLine("  admin       Administrator");
        Console.WriteLine($"Try: curl -s {layout.GatewayUrl}api/auth/token -H 'Content-Type: application/json' -d '{{\"username\":\"monitor\",\"password\":\"demo\"}}'");
        Console.WriteLine("Press Ctrl-C to stop.");
        Console.WriteLine();
    }

    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    // Ctrl-C, SIGTERM, or a child died: stop everything below.
}
catch (Exception e) when (e is TimeoutException or InvalidOperationException or FileNotFoundException or HttpRequestException or Equipment.ApiClient.ApiException)
{
    Console.Error.WriteLine($"apphost: {e.Message}");
    exitCode = 1;
}
finally
{
    stop.Cancel();
    Console.WriteLine("apphost: stopping…");
    foreach (var child in Enumerable.Reverse(children)) await child.StopAsync(TimeSpan.FromSeconds(10));
}

if (death is not null)
{
    Console.Error.WriteLine($"apphost: {death}");
    exitCode = 1;
}
return exitCode;

internal sealed record HostOptions(string DataDirectory, Ports Ports, bool Reset, bool NoSeed, bool JsonLogs, string? Error, string? Postgres = null, int Replicas = 1)
{
    public const string Usage =
        "usage: dotnet run --project deploy/Equipment.AppHost [-- --reset] [--no-seed] [--json-logs] [--data DIR] [--postgres CONNECTION] [--replicas N]\n" +
        "       [--gateway-port 8080] [--portal-port 5100] [--procurement-port 5101] [--inventory-port 5102] [--maintenance-port 5103]\n" +
        "       [--reporting-port 5104] [--sidecar-port 3500] [--sidecar-grpc-port 50001]";

    public static HostOptions Parse(string[] args)
    {
        var ports = new Ports();
        string data = Environment.GetEnvironmentVariable("EQUIPMENT_DATA") ?? "data";
        bool reset = false, noSeed = false, jsonLogs = false;
        string? postgres = null;
        var replicas = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            int? Port() => int.TryParse(Next(), out var p) && p is > 0 and < 65536 ? p : null;
            switch (arg)
            {
                case "--reset": reset = true; break;
                case "--no-seed": noSeed = true; break;
                case "--json-logs": jsonLogs = true; break;
                case "--data": data = Next() ?? data; break;
                case "--postgres": postgres = Next(); if (string.IsNullOrWhiteSpace(postgres)) return Bad(arg); break;
                case "--replicas": if (int.TryParse(Next(), out var n) && n is >= 1 and <= 9) replicas = n; else return Bad(arg); break;
                case "--gateway-port": if (Port() is { } g) ports = ports with { Gateway = g }; else return Bad(arg); break;
                case "--portal-port": if (Port() is { } pt) ports = ports with { Portal = pt }; else return Bad(arg); break;
                case "--procurement-port": if (Port() is { } pp) ports = ports with { Procurement = pp }; else return Bad(arg); break;
                case "--inventory-port": if (Port() is { } ip) ports = ports with { Inventory = ip }; else return Bad(arg); break;
                case "--maintenance-port": if (Port() is { } mp) ports = ports with { Maintenance = mp }; else return Bad(arg); break;
                case "--reporting-port": if (Port() is { } rp) ports = ports with { DonorReporting = rp }; else return Bad(arg); break;
                case "--sidecar-port": if (Port() is { } sp) ports = ports with { Sidecar = sp }; else return Bad(arg); break;
                case "--sidecar-grpc-port": if (Port() is { } sg) ports = ports with { SidecarGrpc = sg }; else return Bad(arg); break;
                default: return Bad(arg);
            }
        }
        return new HostOptions(data, ports, reset, noSeed, jsonLogs, null, postgres, replicas);

        HostOptions Bad(string arg) => new(data, ports, reset, noSeed, jsonLogs, $"apphost: '{arg}' is not an option, or its value is not a port number.");
    }
}
