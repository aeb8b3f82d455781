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
        var replicated = Options.Replicas > 1;

        var sidecar = builder.AddProject<Projects.Equipment_DevSidecar>(Sidecar, launchProfileName: null)
            .WithHttpEndpoint(port: ports.Sidecar, name: "http", isProxied: false)
            .WithEndpoint(port: ports.SidecarGrpc, scheme: "http", name: "grpc", isProxied: false)
            .WithEndpointsInEnvironment(e => e.Name == "http")     // the gRPC port is DAPR_GRPC_PORT, HTTP/2 only
            .OnLoopback()
            .WithEnvironment("Sidecar__Database", $"Data Source={Path.Combine(DataDirectory, "sidecar.db")}")
            .WithEnvironment("DAPR_API_TOKEN", DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", AppApiToken)
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();
        sidecar.WithEnvironment("DAPR_GRPC_PORT", sidecar.GetEndpoint("grpc").Property(EndpointProperty.TargetPort));

        var gateway = builder.AddProject<Projects.Equipment_Gateway>(Gateway, launchProfileName: null)
            .WithHttpEndpoint(port: ports.Gateway, name: "http", isProxied: false)
            .OnLoopback()
            .WithEnvironment("Auth__SigningKeyFile", SigningKeyFile)
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();

        var services = new List<IResourceBuilder<ProjectResource>>();
        foreach (var (appId, index) in Services.Select((a, i) => (a, i)))
        {
            var service = AddService(builder, appId, PortOf(appId), replicated)
                .WithEnvironment("DAPR_HTTP_PORT", sidecar.GetEndpoint("http").Property(EndpointProperty.Port))
                .WithEnvironment("DAPR_GRPC_ENDPOINT", sidecar.GetEndpoint("grpc"));
            // No WaitFor(sidecar): a service works without its sidecar (events wait in its outbox, readiness says Degraded),
            // so the sidecar and the services start side by side; the gateway waits for the services.
            sidecar.WithEnvironment($"Sidecar__Apps__{index}__AppId", appId)
                .WithEnvironment($"Sidecar__Apps__{index}__Url", service.GetEndpoint("http"));
            if (appId == "inventory")
            {
                // A QR label encodes the asset's portal address: the gateway's public address unless --public-url gives another.
                if (Options.PublicUrl is { } publicUrl) service.WithEnvironment("Inventory__PublicBaseUrl", publicUrl.AbsoluteUri);
                else service.WithEnvironment("Inventory__PublicBaseUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/"));
            }
            services.Add(service);
        }

        var portal = builder.AddProject<Projects.Equipment_Portal>(Portal, launchProfileName: null)
            .WithHttpEndpoint(port: ports.Portal, name: "http", isProxied: false)
            .OnLoopback()
            .WithEnvironment("Portal__GatewayUrl", gateway.GetEndpoint("http"))
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();

        // No WaitFor either: the gateway starts beside the parts it proxies. Until a destination answers its readiness
        // probe, YARP's HealthyOrPanic policy still tries it (a caller gets 502 rather than waiting), and the run command
        // says "running" only once every part is healthy.
        gateway.WithEnvironment("ReverseProxy__Clusters__portal__Destinations__primary__Address", portal.GetEndpoint("http"));
        foreach (var (service, appId) in services.Zip(Services))
            gateway.WithEnvironment($"ReverseProxy__Clusters__{appId}__Destinations__primary__Address", service.GetEndpoint("http"));
    }

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

    private IResourceBuilder<ProjectResource> AddService(IDistributedApplicationBuilder builder, string appId, int port, bool replicated)
    {
        var service = appId switch
        {
            "procurement" => builder.AddProject<Projects.Equipment_Procurement>(appId, launchProfileName: null),
            "inventory" => builder.AddProject<Projects.Equipment_Inventory>(appId, launchProfileName: null),
            "maintenance" => builder.AddProject<Projects.Equipment_Maintenance>(appId, launchProfileName: null),
            _ => builder.AddProject<Projects.Equipment_DonorReporting>(appId, launchProfileName: null),
        };
        // Several instances of a service share the port through Aspire's proxy, which balances over them; one instance
        // listens on the port itself.
        service.WithHttpEndpoint(port: port, name: "http", isProxied: replicated).OnLoopback();
        if (replicated) service.WithReplicas(Options.Replicas);
        return service
            .WithEnvironment("APP_ID", appId)
            .WithEnvironment("Database__Provider", Options.Postgres is null ? "Sqlite" : "Postgres")
            .WithEnvironment("ConnectionStrings__Database", Options.Postgres is null
                ? $"Data Source={Path.Combine(DataDirectory, appId + ".db")}"
                : $"{Options.Postgres};Database={DatabaseName(appId, Options.DatabasePrefix)}")
            .WithEnvironment("Auth__SigningKeyFile", SigningKeyFile)
            .WithEnvironment("DAPR_API_TOKEN", DaprApiToken)
            .WithEnvironment("APP_API_TOKEN", AppApiToken)
            .WithHttpHealthCheck("/health/ready")
            .AsProduction();
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
    public static IResourceBuilder<ProjectResource> OnLoopback(this IResourceBuilder<ProjectResource> part)
    {
        foreach (var endpoint in part.Resource.Annotations.OfType<EndpointAnnotation>()) endpoint.TargetHost = "127.0.0.1";
        return part;
    }

    /// <summary>The parts run as they would in production (Aspire's default would be the AppHost's Development).</summary>
    public static IResourceBuilder<ProjectResource> AsProduction(this IResourceBuilder<ProjectResource> part) => part
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
        .WithEnvironment("DOTNET_ENVIRONMENT", "Production");
}
