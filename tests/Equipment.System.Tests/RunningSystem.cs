using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Equipment.ApiClient;
using Equipment.AppHost;
using Equipment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Equipment.System.Tests;

/// <summary>One part of the running system: its name and its own address.</summary>
public sealed record Part(string Name, Uri Url);

/// <summary>
/// The whole system as the AppHost runs it (Aspire, DCP, every part its own process), started by
/// <c>DistributedApplicationTestingBuilder</c> on free ports with a data folder of its own and no demo seed. Retries are
/// made quick so that the fault tests do not wait long. Every line the parts write goes to
/// <c>artifacts/system-logs/&lt;run&gt;.log</c> in the repository, kept after the run.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "equipment-system", Guid.NewGuid().ToString("N"));
    private DistributedApplication? _app;
    private readonly StreamWriter _log;

    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Outbox__PollInterval"] = "00:00:00.500",
        ["Outbox__FirstRetryDelay"] = "00:00:00.200",
        ["Outbox__MaxRetryDelay"] = "00:00:01",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Overrides = new()
    {
        [EquipmentSystem.Sidecar] = new()
        {
            ["Sidecar__DiscoveryInterval"] = "00:00:01",
            ["Sidecar__PollInterval"] = "00:00:00.200",
            ["Sidecar__FirstRetryDelay"] = "00:00:00.200",
            ["Sidecar__MaxRetryDelay"] = "00:00:01",
        },
        [EquipmentSystem.Gateway] = new() { ["RateLimiting__PermitLimit"] = "100000" },
    };

    /// <summary>Whether the AppHost enters its demo data before the system counts as running (off for every test but the seed's).</summary>
    protected virtual bool Seeded => false;

    /// <summary>Settings a fixture adds to one part's environment, over the defaults above.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings(string part) => [];

    /// <summary>Where every part sends its spans.</summary>
    public OtlpReceiver Telemetry { get; } = new(FreePorts.Next());

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system is not started.");
    public EquipmentSystem Model => App.Services.GetRequiredService<EquipmentSystem>();
    public string AppApiToken => Model.AppApiToken;
    public Uri Gateway => this[EquipmentSystem.Gateway].Url;

    public Part this[string name] => new(name, new Uri(App.GetEndpoint(name, "http").ToString().TrimEnd('/') + "/"));

    public RunningSystem()
    {
        var logs = Directory.CreateDirectory(Path.Combine(EquipmentSystem.FindRepositoryRoot(), "artifacts", "system-logs"));
        _log = new StreamWriter(Path.Combine(logs.FullName, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Path.GetFileName(_dataDirectory)[..8]}.log")) { AutoFlush = true };
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        string[] args =
        [
            .. Seeded ? Array.Empty<string>() : ["--no-seed"],
            "--data", _dataDirectory,
            "--gateway-port", Port(), "--portal-port", Port(), "--procurement-port", Port(), "--inventory-port", Port(),
            "--maintenance-port", Port(), "--reporting-port", Port(), "--sidecar-port", Port(), "--sidecar-grpc-port", Port(),
            // EQUIPMENT_TEST_POSTGRES runs the whole system on PostgreSQL (databases of its own, per run) instead of SQLite.
            .. Environment.GetEnvironmentVariable("EQUIPMENT_TEST_POSTGRES") is { Length: > 0 } server
                ? ["--postgres", server, "--database-prefix", "equipment_system_" + Guid.NewGuid().ToString("N")[..12]]
                : Array.Empty<string>(),
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Equipment_AppHost>(args, (options, _) =>
        {
            options.DisableDashboard = true;
            options.EnableResourceLogging = true;   // every part's lines reach the AppHost's loggers, and so the log file
        });
        builder.Services.AddLogging(l => l.AddProvider(new FileLog(_log)).AddFilter<FileLog>(null, Microsoft.Extensions.Logging.LogLevel.Information));
        foreach (var part in builder.Resources.OfType<IResourceWithEnvironment>().Where(r => EquipmentSystem.Parts.Contains(r.Name)))
        {
            var resource = builder.CreateResourceBuilder(part);
            foreach (var (key, value) in Fast.Concat(Overrides.GetValueOrDefault(part.Name) ?? []).Concat(Settings(part.Name))) resource.WithEnvironment(key, value);
            resource.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint.ToString().TrimEnd('/'))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        }
        _app = await builder.BuildAsync();
        // The start report completes when every part is healthy, or fails naming the late ones at the AppHost's deadline.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var starting = _app.StartAsync(deadline.Token);
        await _app.Services.GetRequiredService<StartupReport>().Running.Task.WaitAsync(deadline.Token);
        await starting;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Telemetry.DisposeAsync();
        lock (_log) _log.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }

    /// <summary>Stops a part as the dashboard's Stop does (it stays stopped: stopping on purpose is no crash).</summary>
    public async Task StopAsync(string name)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"stopping {name}: {result.Message}");
        await App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates).WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task StartAsync(string name)
    {
        var result = await App.ResourceCommands.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand);
        Assert.True(result.Success, $"starting {name}: {result.Message}");
        await WaitHealthyAsync(name);
    }

    public Task WaitHealthyAsync(string name) => App.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.WaitOnResourceUnavailable).WaitAsync(TimeSpan.FromMinutes(2));   // through a restart

    /// <summary>
    /// Kills a part's process with SIGKILL, as a crash would: the program itself (below the <c>dotnet run</c> that DCP
    /// started, for a replicated service's project resource). Returns the pid it killed.
    /// </summary>
    public async Task<int> KillAsync(string name)
    {
        var running = await App.ResourceNotifications.WaitForResourceAsync(name, e => e.Snapshot.State?.Text == KnownResourceStates.Running
            && e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null)).WaitAsync(TimeSpan.FromMinutes(1));
        var launcher = Convert.ToInt32(running.Snapshot.Properties.First(p => p.Name == "executable.pid").Value);
        var program = ChildrenOf(launcher).DefaultIfEmpty(launcher).First();
        global::System.Diagnostics.Process.GetProcessById(program).Kill();
        await App.ResourceNotifications.WaitForResourceAsync(name, e => e.Snapshot.State?.Text is "Exited" or "Finished").WaitAsync(TimeSpan.FromMinutes(1));
        return program;
    }

    private static IEnumerable<int> ChildrenOf(int pid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0)
            .Where(p => p > 0 && ParentOf(p) == pid);

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    public Task<EquipmentApi> SignInAsync(string username) => EquipmentApi.SignInAsync(Gateway, username, "demo");

    private static string Port() => FreePorts.Next().ToString();

}

/// <summary>Writes every log line of the AppHost (the parts' lines among them, by category) to one file.</summary>
internal sealed class FileLog(StreamWriter file) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(file, categoryName);
    public void Dispose() { }

    private sealed class Logger(StreamWriter file, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (file)
            {
                if (file.BaseStream is null) return;   // disposed: the run is over
                file.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {category.Split('.').Last(),-16}| {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
        }
    }
}
