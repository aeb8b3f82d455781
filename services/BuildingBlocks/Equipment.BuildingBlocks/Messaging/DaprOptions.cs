using Microsoft.Extensions.Configuration;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>How this app talks to its Dapr sidecar (daprd in production, the DevSidecar on one machine).</summary>
public sealed class DaprOptions
{
    /// <summary>The app id: the CloudEvent <c>source</c>.</summary>
    public string AppId { get; init; } = "";
    /// <summary>Sidecar HTTP port, from <c>DAPR_HTTP_PORT</c> (set by the Dapr CLI), default 3500.</summary>
    public int HttpPort { get; init; } = 3500;
    /// <summary>Pub/sub component name, from <c>Dapr:PubSubName</c>, default <c>pubsub</c>.</summary>
    public string PubSubName { get; init; } = "pubsub";
    /// <summary><c>DAPR_API_TOKEN</c>: sent to the sidecar as <c>dapr-api-token</c> when set.</summary>
    public string? ApiToken { get; init; }
    /// <summary><c>APP_API_TOKEN</c>: when set, deliveries must carry it in <c>dapr-api-token</c>.</summary>
    public string? AppApiToken { get; init; }

    public Uri SidecarAddress => new($"http://127.0.0.1:{HttpPort}/");

    public static DaprOptions FromConfiguration(IConfiguration configuration, string defaultAppId) => new()
    {
        AppId = configuration["APP_ID"] ?? configuration["Dapr:AppId"] ?? defaultAppId,
        HttpPort = int.TryParse(configuration["DAPR_HTTP_PORT"], out var port) ? port : 3500,
        PubSubName = configuration["Dapr:PubSubName"] is { Length: > 0 } name ? name : "pubsub",
        ApiToken = NullIfEmpty(configuration["DAPR_API_TOKEN"]),
        AppApiToken = NullIfEmpty(configuration["APP_API_TOKEN"]),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
