using System.Reflection;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Equipment.AppHost;

/// <summary>
/// The parts of the system as Aspire resources: the DevSidecar, the four services, the portal and the gateway, each its
/// own process on 127.0.0.1 on a fixed port, with its SQLite files under <see cref="DataDirectory"/> (or a database of its
/// own on a PostgreSQL server). Every address a part needs is a reference to another part's endpoint; all the parts
/// start at once, and each is healthy when its readiness probe answers.
/// </summary>
public sealed class EquipmentSystem
{
    public const string Sidecar = "dev-sidecar";
    public const string Gateway = "gateway";
    public const string Portal = "portal";
    public static readonly string[] Services = ["procurement", "inventory", "maintenance", "donor-reporting"];

    /// <summary>Every part, in the order they start.</summary>
    public static IReadOnlyList<string> Parts => [Sidecar, .. Services, Portal, Gateway];

    public string DataDirectory { get; }
    public HostOptions Options { get; }
    public Uri GatewayUrl => new($"http://127.0.0.1:{Options.Ports.Gateway}/");
    /// <summary>Where people reach the portal (<c>--public-url</c>, else the gateway): the address QR labels encode.</summary>
    public Uri PublicUrl => Options.PublicUrl ?? GatewayUrl;
    public Uri DashboardUrl => new($"http://127.0.0.1:{Options.Ports.Dashboard}/");

    /// <summary>
    /// <c>DAPR_API_TOKEN</c> (the services prove to the sidecar that they are ours) and <c>APP_API_TOKEN</c> (the sidecar
    /// proves to the services that a delivery comes from it): generated for each run, as daprd's would be from a secret.
    /// </summary>
    public string DaprApiToken { get; } = NewToken();
    public string AppApiToken { get; } = NewToken();

    public EquipmentSystem(HostOptions options)
    {
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    private string SigningKeyFile => Path.Combine(DataDirectory, "jwt-signing.key");

    /// <summary>The database of a service on the PostgreSQL server given with <c>--postgres</c>.</summary>
    public static string DatabaseName(string appId, string prefix = "equipment") => $"{prefix}_{appId.Replace('-', '_')}";


    public void AddTo(IDistributedApplicationBuilder builder)
    {
        var ports = Options.Ports;

        var sidecar = AddPart<Projects.Equipment_DevSidecar>(builder, Sidecar, ports.Sidecar)
            .WithEndpoint(port: ports.SidecarGrpc, scheme: "http", name: "grpc", isProxied: false)   // DAPR_GRPC_PORT, HTTP/2 only
            .OnLoopback()
            .WithEnvironment("Sidecar__Database", $"Data Source={Path.Combine(DataDirectory, "sidecar.db")}")
            .WithEnvironment("DAPR_API_TOKEN", DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", AppApiToken)
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();
        sidecar.WithEnvironment("DAPR_GRPC_PORT", sidecar.GetEndpoint("grpc").Property(EndpointProperty.TargetPort));

        var gateway = AddPart<Projects.Equipment_Gateway>(builder, Gateway, ports.Gateway)
            .OnLoopback()
            .WithEnvironment("Auth__SigningKeyFile", SigningKeyFile)
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();

        var services = new List<EndpointReference>();
        foreach (var (appId, index) in Services.Select((a, i) => (a, i)))
        {
            var service = AddService(builder, appId, PortOf(appId), sidecar, gateway);
            // No WaitFor(sidecar): a service works without its sidecar (events wait in its outbox, readiness says Degraded),
            // so the sidecar and the services start side by side; the gateway waits for the services.
            sidecar.WithEnvironment($"Sidecar__Apps__{index}__AppId", appId)
                .WithEnvironment($"Sidecar__Apps__{index}__Url", service);
            services.Add(service);
        }

        var portal = AddPart<Projects.Equipment_Portal>(builder, Portal, ports.Portal)
            .OnLoopback()
            .WithEnvironment("Portal__GatewayUrl", gateway.GetEndpoint("http"))
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();

        // No WaitFor either: the gateway starts beside the parts it proxies. Until a destination answers its readiness
        // probe, YARP's HealthyOrPanic policy still tries it (a caller gets 502 rather than waiting), and the run command
        // says "running" only once every part is healthy.
        gateway.WithEnvironment("ReverseProxy__Clusters__portal__Destinations__primary__Address", portal.GetEndpoint("http"));
        foreach (var (service, appId) in services.Zip(Services))
            gateway.WithEnvironment($"ReverseProxy__Clusters__{appId}__Destinations__primary__Address", service);
    }

    /// <summary>
    /// A part as an executable: <c>dotnet bin/&lt;Configuration&gt;/net10.0/&lt;Project&gt;.dll</c> in its project's folder, the
    /// binary that building the AppHost (whose project references the parts are) has just left. Aspire's project resources
    /// start a project through <c>dotnet run --no-build</c>, which evaluates the project again before it starts the same
    /// binary: about 2.2 s of CPU for each of the seven parts, while they all start at once on two cores, and a
    /// <c>dotnet run</c> process left resident beside each part. Telemetry goes to the dashboard as a project's would.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddPart<TProject>(IDistributedApplicationBuilder builder, string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject().ProjectPath;
        var directory = Path.GetDirectoryName(project)!;
        var binary = Path.Combine(directory, "bin", BuildConfiguration, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");
        if (!File.Exists(binary))
            throw new InvalidOperationException($"{binary} is not built. Build the AppHost (dotnet build deploy/Equipment.AppHost -c {BuildConfiguration}): {name} is one of its project references.");
        return builder.AddExecutable(name, DotnetHost, directory, binary)
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithEnvironment("ASPNETCORE_URLS", "http://127.0.0.1:" + port)
            .WithOtlpExporter();
    }

    /// <summary>The configuration this AppHost was built in; the parts were built in the same one.</summary>
    public static string BuildConfiguration { get; } =
        typeof(EquipmentSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The <c>dotnet</c> that runs this build (<c>DOTNET_HOST_PATH</c>, which <c>dotnet run</c> and <c>dotnet test</c> set), else the one on the PATH.</summary>
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Each part's readiness probe, on the port it listens on (with replicas, a service's port is Aspire's proxy).</summary>
    public IReadOnlyDictionary<string, Uri> ReadinessProbes => Parts.ToDictionary(part => part, part =>
        new Uri($"http://127.0.0.1:{part switch
        {
            Sidecar => Options.Ports.Sidecar,
            Gateway => Options.Ports.Gateway,
            Portal => Options.Ports.Portal,
            _ => PortOf(part),
        }}/health/ready"));

    private int PortOf(string appId) => appId switch
    {
        "procurement" => Options.Ports.Procurement,
        "inventory" => Options.Ports.Inventory,
        "maintenance" => Options.Ports.Maintenance,
        _ => Options.Ports.DonorReporting,
    };

    /// <summary>
    /// A service; with <c>--replicas N</c>, N instances behind Aspire's proxy on the service's port, which only Aspire's
    /// project resources can have (through <c>dotnet run</c>, so start-up is slower there). Returns its address.
    /// </summary>
    private EndpointReference AddService(IDistributedApplicationBuilder builder, string appId, int port,
        IResourceBuilder<ExecutableResource> sidecar, IResourceBuilder<ExecutableResource> gateway)
    {
        if (Options.Replicas <= 1)
        {
            var single = appId switch
            {
                "procurement" => AddPart<Projects.Equipment_Procurement>(builder, appId, port),
                "inventory" => AddPart<Projects.Equipment_Inventory>(builder, appId, port),
                "maintenance" => AddPart<Projects.Equipment_Maintenance>(builder, appId, port),
                _ => AddPart<Projects.Equipment_DonorReporting>(builder, appId, port),
            };
            return Configure(single.OnLoopback(), appId, sidecar, gateway).GetEndpoint("http");
        }
        var replicated = appId switch
        {
            "procurement" => builder.AddProject<Projects.Equipment_Procurement>(appId, launchProfileName: null),
            "inventory" => builder.AddProject<Projects.Equipment_Inventory>(appId, launchProfileName: null),
            "maintenance" => builder.AddProject<Projects.Equipment_Maintenance>(appId, launchProfileName: null),
            _ => builder.AddProject<Projects.Equipment_DonorReporting>(appId, launchProfileName: null),
        };
        replicated.WithHttpEndpoint(port: port, name: "http", isProxied: true).OnLoopback().WithReplicas(Options.Replicas);
        return Configure(replicated, appId, sidecar, gateway).GetEndpoint("http");
    }

    private IResourceBuilder<T> Configure<T>(IResourceBuilder<T> service, string appId, IResourceBuilder<ExecutableResource> sidecar,
        IResourceBuilder<ExecutableResource> gateway) where T : IResourceWithEnvironment, IResourceWithEndpoints
    {
        service
            .WithEnvironment("APP_ID", appId)
            .WithEnvironment("Database__Provider", Options.Postgres is null ? "Sqlite" : "Postgres")
            .WithEnvironment("ConnectionStrings__Database", Options.Postgres is null
                ? $"Data Source={Path.Combine(DataDirectory, appId + ".db")}"
                : $"{Options.Postgres};Database={DatabaseName(appId, Options.DatabasePrefix)}")
            .WithEnvironment("Auth__SigningKeyFile", SigningKeyFile)
            .WithEnvironment("DAPR_API_TOKEN", DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", AppApiToken)
            .WithEnvironment("DAPR_HTTP_PORT", sidecar.GetEndpoint("http").Property(EndpointProperty.Port))
            .WithEnvironment("DAPR_GRPC_ENDPOINT", sidecar.GetEndpoint("grpc"))
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();
        if (appId == "inventory")
        {
            // A QR label encodes the asset's portal address: the gateway's public address unless --public-url gives another.
            if (Options.PublicUrl is { } publicUrl) service.WithEnvironment("Inventory__PublicBaseUrl", publicUrl.AbsoluteUri);
            else service.WithEnvironment("Inventory__PublicBaseUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));
        }
        return service;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The folder holding Equipment.sln, found from where this host runs.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Equipment.sln was not found above " + (start ?? AppContext.BaseDirectory));
    }
}

internal static class ResourceBuilderLoopback
{
    /// <summary>Every endpoint of the part listens on 127.0.0.1 only.</summary>
    public static IResourceBuilder<T> OnLoopback<T>(this IResourceBuilder<T> part) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in part.Resource.Annotations.OfType<EndpointAnnotation>()) endpoint.TargetHost = "127.0.0.1";
        return part;
    }

    /// <summary>The parts run as they would in production (Aspire's default would be the AppHost's Development).</summary>
    public static IResourceBuilder<T> AsProduction<T>(this IResourceBuilder<T> part) where T : IResourceWithEnvironment => part
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
        .WithEnvironment("DOTNET_ENVIRONMENT", "Production");
}
