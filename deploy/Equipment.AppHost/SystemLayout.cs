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

    /// <summary>
    /// Instances of each of the four services (1 by default). Instance 1 keeps the service's port, instance n listens on
    /// that port + 100 × (n − 1) and is named <c>&lt;service&gt;-n</c>; all share the service's database (use PostgreSQL).
    /// The gateway balances over them (one destination each) and the sidecar delivers each message to one of them.
    /// </summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The port of instance <paramref name="instance"/> (0-based) of a service whose first instance listens on <paramref name="port"/>.</summary>
    public static int ReplicaPort(int port, int instance) => port + 100 * instance;

    private IEnumerable<int> Instances => Enumerable.Range(0, Math.Max(Replicas, 1));

    private (string AppId, int Port)[] ServicePorts =>
        [("procurement", Ports.Procurement), ("inventory", Ports.Inventory), ("maintenance", Ports.Maintenance), ("donor-reporting", Ports.DonorReporting)];

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

    public ChildSpec Sidecar => Spec("dev-sidecar", "deploy/Equipment.DevSidecar", "Equipment.DevSidecar", Ports.Sidecar, "v1.0/healthz", SidecarApps(new()
    {
        ["Sidecar__Database"] = $"Data Source={Path.Combine(DataDirectory, "sidecar.db")}",
        ["DAPR_GRPC_PORT"] = Ports.SidecarGrpc.ToString(),
        ["DAPR_API_TOKEN"] = _daprApiToken,
        ["APP_API_TOKEN"] = _appApiToken,
    }));

    /// <summary>Each app id with its instances: <c>Url</c> for the first, <c>Urls:n</c> for the others.</summary>
    private Dictionary<string, string> SidecarApps(Dictionary<string, string> environment)
    {
        foreach (var (app, index) in ServicePorts.Select((a, i) => (a, i)))
        {
            environment[$"Sidecar__Apps__{index}__AppId"] = app.AppId;
            environment[$"Sidecar__Apps__{index}__Url"] = $"http://127.0.0.1:{app.Port}";
            foreach (var instance in Instances.Skip(1))
                environment[$"Sidecar__Apps__{index}__Urls__{instance}"] = $"http://127.0.0.1:{ReplicaPort(app.Port, instance)}";
        }
        return environment;
    }

    /// <summary>The gateway's destinations: <c>primary</c> for the first instance, <c>replica-n</c> for the others.</summary>
    private Dictionary<string, string> GatewayDestinations(Dictionary<string, string> environment)
    {
        foreach (var (appId, port) in ServicePorts)
        {
            environment[$"ReverseProxy__Clusters__{appId}__Destinations__primary__Address"] = $"http://127.0.0.1:{port}/";
            foreach (var instance in Instances.Skip(1))
                environment[$"ReverseProxy__Clusters__{appId}__Destinations__replica-{instance + 1}__Address"] = $"http://127.0.0.1:{ReplicaPort(port, instance)}/";
        }
        return environment;
    }

    /// <summary>Every instance of a service, the first under the service's own name.</summary>
    private IEnumerable<ChildSpec> Replicated(string appId, string projectFolder, string assembly, int port) =>
        Instances.Select(i => Service(appId, projectFolder, assembly, ReplicaPort(port, i), i == 0 ? appId : $"{appId}-{i + 1}"));

    public ChildSpec Procurement => Service("procurement", "services/Procurement/Equipment.Procurement", "Equipment.Procurement", Ports.Procurement);
    public ChildSpec Inventory => Service("inventory", "services/Inventory/Equipment.Inventory", "Equipment.Inventory", Ports.Inventory);
    public ChildSpec Maintenance => Service("maintenance", "services/Maintenance/Equipment.Maintenance", "Equipment.Maintenance", Ports.Maintenance);
    public ChildSpec DonorReporting => Service("donor-reporting", "services/DonorReporting/Equipment.DonorReporting", "Equipment.DonorReporting", Ports.DonorReporting);

    public ChildSpec Gateway => Spec("gateway", "gateway/Equipment.Gateway", "Equipment.Gateway", Ports.Gateway, "health", GatewayDestinations(new()
    {
        ["Auth__SigningKeyFile"] = SigningKeyFile,
        ["ReverseProxy__Clusters__portal__Destinations__primary__Address"] = $"http://127.0.0.1:{Ports.Portal}/",
    }));

    /// <summary>The web portal: served at the gateway's <c>/</c>, calling the services back through the gateway.</summary>
    public ChildSpec Portal => Spec("portal", "gateway/Equipment.Portal", "Equipment.Portal", Ports.Portal, "health/ready", new()
    {
        ["Portal__GatewayUrl"] = GatewayUrl.ToString(),
    });

    /// <summary>In start order: the sidecar first, then the services (every instance), the portal, and the gateway last.</summary>
    public IReadOnlyList<ChildSpec> All =>
    [
        Sidecar,
        Procurement, .. Replicated("procurement", "services/Procurement/Equipment.Procurement", "Equipment.Procurement", Ports.Procurement).Skip(1),
        Inventory, .. Replicated("inventory", "services/Inventory/Equipment.Inventory", "Equipment.Inventory", Ports.Inventory).Skip(1),
        Maintenance, .. Replicated("maintenance", "services/Maintenance/Equipment.Maintenance", "Equipment.Maintenance", Ports.Maintenance).Skip(1),
        DonorReporting, .. Replicated("donor-reporting", "services/DonorReporting/Equipment.DonorReporting", "Equipment.DonorReporting", Ports.DonorReporting).Skip(1),
        Portal, Gateway,
    ];

    private string SigningKeyFile => Path.Combine(DataDirectory, "jwt-signing.key");

    public string DatabaseName(string appId) => $"{DatabasePrefix}_{appId.Replace('-', '_')}";

    private ChildSpec Service(string appId, string projectFolder, string assembly, int port, string? name = null) =>
        Spec(name ?? appId, projectFolder, assembly, port, "health/ready", appId, new()
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

    private ChildSpec Spec(string name, string projectFolder, string assembly, int port, string readiness, Dictionary<string, string> environment) =>
        Spec(name, projectFolder, assembly, port, readiness, name, environment);

    /// <summary>Overrides for "*", then the part's (a service's for each of its instances), then the instance's own.</summary>
    private ChildSpec Spec(string name, string projectFolder, string assembly, int port, string readiness, string part, Dictionary<string, string> environment)
    {
        foreach (var key in new[] { "*", part, name }.Distinct())
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
