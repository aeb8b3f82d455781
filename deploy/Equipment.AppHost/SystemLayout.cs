using System.Reflection;

namespace Equipment.AppHost;

/// <summary>Ports of the parts of the system; every one can be overridden.</summary>
public sealed record Ports(int Gateway = 8080, int Portal = 5100, int Procurement = 5101, int Inventory = 5102, int Maintenance = 5103, int DonorReporting = 5104, int Sidecar = 3500,
    int SidecarGrpc = 50001);

/// <summary>
/// What to start, where, and with which settings: the DevSidecar, the four services and the gateway, every one of them
/// a separate process on 127.0.0.1 with its SQLite files under <see cref="DataDirectory"/>.
/// </summary>
public sealed class SystemLayout(string repositoryRoot, string dataDirectory, Ports ports)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
    public Ports Ports { get; } = ports;
    public Uri GatewayUrl => new($"http://127.0.0.1:{Ports.Gateway}/");

    /// <summary>
    /// A PostgreSQL server (a connection string without a database, e.g. <c>Host=127.0.0.1;Username=postgres</c>): each
    /// service then keeps its facts there, in a database of its own named <see cref="DatabasePrefix"/>_&lt;service&gt;,
    /// instead of a SQLite file in the data folder. Null: SQLite.
    /// </summary>
    public string? PostgresServer { get; init; }
    public string DatabasePrefix { get; init; } = "equipment";

    /// <summary>Extra settings per part (by name, or "*" for all), e.g. faster retries in tests.</summary>
    public Dictionary<string, Dictionary<string, string>> Overrides { get; } = [];

    /// <summary>
    /// <c>DAPR_API_TOKEN</c> (the services prove to the sidecar that they are ours) and <c>APP_API_TOKEN</c> (the sidecar
    /// proves to the services that a delivery comes from it): generated for each run, as daprd's would be from a secret.
    /// </summary>
    private readonly string _daprApiToken = NewToken();
    private readonly string _appApiToken = NewToken();

    /// <summary>What the sidecar sends on every delivery: a test that plays the sidecar must send it too.</summary>
    public string AppApiToken => _appApiToken;

    public ChildSpec Sidecar => Spec("dev-sidecar", "deploy/Equipment.DevSidecar", "Equipment.DevSidecar", Ports.Sidecar, "v1.0/healthz", new()
    {
        ["Sidecar__Database"] = $"Data Source={Path.Combine(DataDirectory, "sidecar.db")}",
        ["DAPR_GRPC_PORT"] = Ports.SidecarGrpc.ToString(),
        ["DAPR_API_TOKEN"] = _daprApiToken,
        ["APP_API_TOKEN"] = _appApiToken,
        ["Sidecar__Apps__0__AppId"] = "procurement",
        ["Sidecar__Apps__0__Url"] = $"http://127.0.0.1:{Ports.Procurement}",
        ["Sidecar__Apps__1__AppId"] = "inventory",
        ["Sidecar__Apps__1__Url"] = $"http://127.0.0.1:{Ports.Inventory}",
        ["Sidecar__Apps__2__AppId"] = "maintenance",
        ["Sidecar__Apps__2__Url"] = $"http://127.0.0.1:{Ports.Maintenance}",
        ["Sidecar__Apps__3__AppId"] = "donor-reporting",
        ["Sidecar__Apps__3__Url"] = $"http://127.0.0.1:{Ports.DonorReporting}",
    });

    public ChildSpec Procurement => Service("procurement", "services/Procurement/Equipment.Procurement", "Equipment.Procurement", Ports.Procurement);
    public ChildSpec Inventory => Service("inventory", "services/Inventory/Equipment.Inventory", "Equipment.Inventory", Ports.Inventory);
    public ChildSpec Maintenance => Service("maintenance", "services/Maintenance/Equipment.Maintenance", "Equipment.Maintenance", Ports.Maintenance);
    public ChildSpec DonorReporting => Service("donor-reporting", "services/DonorReporting/Equipment.DonorReporting", "Equipment.DonorReporting", Ports.DonorReporting);

    public ChildSpec Gateway => Spec("gateway", "gateway/Equipment.Gateway", "Equipment.Gateway", Ports.Gateway, "health", new()
    {
        ["Auth__SigningKeyFile"] = SigningKeyFile,
        ["ReverseProxy__Clusters__procurement__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.Procurement}/",
        ["ReverseProxy__Clusters__inventory__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.Inventory}/",
        ["ReverseProxy__Clusters__maintenance__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.Maintenance}/",
        ["ReverseProxy__Clusters__donor-reporting__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.DonorReporting}/",
        ["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.Portal}/",
    });

    /// <summary>The web portal: served at the gateway's <c>/</c>, calling the services back through the gateway.</summary>
    public ChildSpec Portal => Spec("portal", "gateway/Equipment.Portal", "Equipment.Portal", Ports.Portal, "health/ready", new()
    {
        ["Portal__GatewayUrl"] = GatewayUrl.ToString(),
    });

    /// <summary>In start order: the sidecar first, then the services, the portal, and the gateway last.</summary>
    public IReadOnlyList<ChildSpec> All => [Sidecar, Procurement, Inventory, Maintenance, DonorReporting, Portal, Gateway];

    private string SigningKeyFile => Path.Combine(DataDirectory, "jwt-signing.key");

    public string DatabaseName(string appId) => $"{DatabasePrefix}_{appId.Replace('-', '_')}";

    private ChildSpec Service(string appId, string projectFolder, string assembly, int port) =>
        Spec(appId, projectFolder, assembly, port, "health/ready", new()
        {
            ["Database__Provider"] = PostgresServer is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings__Database"] = PostgresServer is null
                ? $"Data Source={Path.Combine(DataDirectory, appId + ".db")}"
                : $"{PostgresServer};Database={DatabaseName(appId)}",
            ["Auth__SigningKeyFile"] = SigningKeyFile,
            ["APP_ID"] = appId,
            ["DAPR_HTTP_PORT"] = Ports.Sidecar.ToString(),
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{Ports.SidecarGrpc}",
            ["DAPR_API_TOKEN"] = _daprApiToken,
            ["APP_API_TOKEN"] = _appApiToken,
        });

    private static string NewToken() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private ChildSpec Spec(string name, string projectFolder, string assembly, int port, string readiness, Dictionary<string, string> environment)
    {
        foreach (var key in new[] { "*", name })
            foreach (var (k, v) in Overrides.GetValueOrDefault(key) ?? [])
                environment[k] = v;
        var path = Path.Combine(repositoryRoot, projectFolder, "bin", BuildConfiguration, "net10.0", assembly + ".dll");
        return new ChildSpec(name, path, port, readiness, environment);
    }

    /// <summary>Debug or Release: the configuration this host was built in, which built the parts too.</summary>
    public static string BuildConfiguration =>
        typeof(SystemLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The folder holding Equipment.sln, found from where this host runs.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Equipment.sln was not found above " + (start ?? AppContext.BaseDirectory));
    }
}
