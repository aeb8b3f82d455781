using System.Net;
using System.Net.Sockets;
using Equipment.ApiClient;
using Equipment.AppHost;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Equipment.System.Tests;

/// <summary>
/// The whole system as separate processes on free ports, with its own data folder, started the way the AppHost
/// starts it. Retries are made quick so that the fault tests do not wait long. Every line the processes write
/// goes to system.log in the data folder.
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "equipment-system", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, ChildProcess> _children = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private StreamWriter? _log;

    public SystemLayout Layout { get; }
    public Uri Gateway => Layout.GatewayUrl;

    public RunningSystem()
    {
        Layout = new SystemLayout(SystemLayout.FindRepositoryRoot(), _dataDirectory,
            new Ports(FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort()))
        {
            // EQUIPMENT_TEST_POSTGRES runs the whole system on PostgreSQL (databases of its own, per run) instead of SQLite.
            PostgresServer = Environment.GetEnvironmentVariable("EQUIPMENT_TEST_POSTGRES") is { Length: > 0 } server ? server : null,
            DatabasePrefix = "equipment_system_" + Guid.NewGuid().ToString("N")[..12],
        };
        Layout.Overrides["*"] = new()
        {
            ["Outbox__PollInterval"] = "00:00:00.500",
            ["Outbox__FirstRetryDelay"] = "00:00:00.200",
            ["Outbox__MaxRetryDelay"] = "00:00:01",
        };
        Layout.Overrides["dev-sidecar"] = new()
        {
            ["Sidecar__DiscoveryInterval"] = "00:00:01",
            ["Sidecar__PollInterval"] = "00:00:00.200",
            ["Sidecar__FirstRetryDelay"] = "00:00:00.200",
            ["Sidecar__MaxRetryDelay"] = "00:00:01",
        };
        Layout.Overrides["gateway"] = new() { ["RateLimiting__PermitLimit"] = "100000" };
    }

    public ChildProcess this[string name] => _children[name];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _log = new StreamWriter(Path.Combine(_dataDirectory, "system.log")) { AutoFlush = true };
        foreach (var spec in Layout.All)
            _children[spec.Name] = new ChildProcess(spec, (name, line) => { lock (_log) _log.WriteLine($"{name,-16}| {line}"); });
        foreach (var child in _children.Values) child.Start();
        await Task.WhenAll(_children.Values.Select(c => c.WaitReadyAsync(_probe, TimeSpan.FromSeconds(90), CancellationToken.None)));
    }

    public async Task DisposeAsync()
    {
        foreach (var child in _children.Values.Reverse()) await child.DisposeAsync();
        _log?.Dispose();
        _probe.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }

    public async Task StopAsync(string name) => await _children[name].StopAsync(TimeSpan.FromSeconds(10));

    public async Task StartAsync(string name)
    {
        _children[name].Start();
        await _children[name].WaitReadyAsync(_probe, TimeSpan.FromSeconds(60), CancellationToken.None);
    }

    public Task<EquipmentApi> SignInAsync(string username) => EquipmentApi.SignInAsync(Gateway, username, "demo");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
