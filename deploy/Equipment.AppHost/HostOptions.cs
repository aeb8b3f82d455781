namespace Equipment.AppHost;

/// <summary>Ports of the parts of the system; every one can be overridden.</summary>
public sealed record Ports(int Gateway = 8080, int Portal = 5100, int Procurement = 5101, int Inventory = 5102, int Maintenance = 5103, int DonorReporting = 5104,
    int Sidecar = 3500, int SidecarGrpc = 50001, int Dashboard = 18888, int DashboardOtlp = 18889, int DashboardResources = 18890)
{
    /// <summary>A port given to more than one part, if any: the second part could not listen, and the first would answer for it.</summary>
    public int? Shared()
    {
        int[] all = [Gateway, Portal, Procurement, Inventory, Maintenance, DonorReporting, Sidecar, SidecarGrpc, Dashboard, DashboardOtlp, DashboardResources];
        return all.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => (int?)g.Key).FirstOrDefault();
    }
}

/// <summary>
/// The AppHost's own options (everything else on the command line goes to Aspire as configuration).
/// <c>EQUIPMENT_DATA</c> sets the data folder when <c>--data</c> is not given.
/// </summary>
public sealed record HostOptions(string DataDirectory, Ports Ports, bool Reset, bool NoSeed, string? Postgres, int Replicas, TimeSpan StartDeadline,
    string[] AspireArgs, string? Error = null)
{
    /// <summary>Every part's log lines on the AppHost's console too (they are always in the dashboard).</summary>
    public bool ConsoleLogs { get; init; }

    /// <summary>
    /// The portal's address as people reach it (a phone on the LAN: <c>http://192.168.1.20:8080/</c>), which QR labels
    /// encode; null: the gateway's own address.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>The prefix of the PostgreSQL databases (equipment_procurement, …); tests give each run its own.</summary>
    public string DatabasePrefix { get; init; } = "equipment";

    public const string Usage =
        "usage: dotnet run --project deploy/Equipment.AppHost [-- --reset] [--no-seed] [--console-logs] [--data DIR] [--postgres CONNECTION [--database-prefix P]] [--replicas N]\n" +
        "       [--start-deadline SECONDS] [--public-url URL] [--gateway-port 8080] [--portal-port 5100] [--procurement-port 5101] [--inventory-port 5102]\n" +
        "       [--maintenance-port 5103] [--reporting-port 5104] [--sidecar-port 3500] [--sidecar-grpc-port 50001] [--dashboard-port 18888]";

    public static HostOptions Parse(string[] args)
    {
        var ports = new Ports();
        var data = Environment.GetEnvironmentVariable("EQUIPMENT_DATA") is { Length: > 0 } folder ? folder : "data";
        bool reset = false, noSeed = false, consoleLogs = false;
        var prefix = "equipment";
        string? postgres = null;
        Uri? publicUrl = null;
        var replicas = 1;
        var deadline = TimeSpan.FromSeconds(180);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            int? Port() => int.TryParse(Next(), out var p) && p is > 0 and < 65536 ? p : null;
            switch (arg)
            {
                case "--reset": reset = true; break;
                case "--no-seed": noSeed = true; break;
                case "--console-logs": consoleLogs = true; break;
                case "--database-prefix":
                    if (Next() is { Length: > 0 } pre && pre.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')) prefix = pre; else return Bad(arg);
                    break;
                case "--data": data = Next() is { Length: > 0 } d ? d : data; break;
                case "--postgres": postgres = Next(); if (string.IsNullOrWhiteSpace(postgres)) return Bad(arg); break;
                case "--public-url":
                    if (Uri.TryCreate(Next(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.Query.Length == 0 && u.Fragment.Length == 0)
                        publicUrl = u.AbsoluteUri.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");
                    else return Bad(arg);
                    break;
                case "--replicas": if (int.TryParse(Next(), out var n) && n is >= 1 and <= 9) replicas = n; else return Bad(arg); break;
                case "--start-deadline": if (int.TryParse(Next(), out var s) && s is >= 10 and <= 3600) deadline = TimeSpan.FromSeconds(s); else return Bad(arg); break;
                case "--gateway-port": if (Port() is { } g) ports = ports with { Gateway = g }; else return Bad(arg); break;
                case "--portal-port": if (Port() is { } pt) ports = ports with { Portal = pt }; else return Bad(arg); break;
                case "--procurement-port": if (Port() is { } pp) ports = ports with { Procurement = pp }; else return Bad(arg); break;
                case "--inventory-port": if (Port() is { } ip) ports = ports with { Inventory = ip }; else return Bad(arg); break;
                case "--maintenance-port": if (Port() is { } mp) ports = ports with { Maintenance = mp }; else return Bad(arg); break;
                case "--reporting-port": if (Port() is { } rp) ports = ports with { DonorReporting = rp }; else return Bad(arg); break;
                case "--sidecar-port": if (Port() is { } sp) ports = ports with { Sidecar = sp }; else return Bad(arg); break;
                case "--sidecar-grpc-port": if (Port() is { } sg) ports = ports with { SidecarGrpc = sg }; else return Bad(arg); break;
                case "--dashboard-port":
                    if (Port() is { } dp) ports = ports with { Dashboard = dp, DashboardOtlp = dp + 1, DashboardResources = dp + 2 }; else return Bad(arg);
                    break;
                default:
                    if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Contains(':') && !arg.Contains('='))
                        return Bad(arg);
                    rest.Add(arg);   // --Section:Key=value: Aspire configuration
                    break;
            }
        }
        if (ports.Shared() is { } shared)
            return new HostOptions(data, ports, reset, noSeed, postgres, replicas, deadline, [], $"apphost: port {shared} is given to two parts; each part needs a port of its own.");
        return new HostOptions(data, ports, reset, noSeed, postgres, replicas, deadline, [.. rest]) { ConsoleLogs = consoleLogs, DatabasePrefix = prefix, PublicUrl = publicUrl };

        HostOptions Bad(string arg) => new(data, ports, reset, noSeed, postgres, replicas, deadline, [],
            $"apphost: '{arg}' is not an option, or its value is not valid.");
    }
}
