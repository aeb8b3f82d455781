using Microsoft.Extensions.Configuration;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>
/// How this app meets its Dapr sidecar (daprd in production, the DevSidecar on one machine). Where the sidecar listens
/// (<c>DAPR_GRPC_ENDPOINT</c> / <c>DAPR_GRPC_PORT</c>) and its <c>DAPR_API_TOKEN</c> are read by <c>DaprClient</c> itself.
/// </summary>
public sealed class DaprOptions
{
    /// <summary>The app id: the CloudEvent <c>source</c>.</summary>
    public string AppId { get; init; } = "";
    /// <summary>Pub/sub component name, from <c>Dapr:PubSubName</c>, default <c>pubsub</c>.</summary>
    public string PubSubName { get; init; } = "pubsub";
    /// <summary><c>APP_API_TOKEN</c>: when set, every delivery must carry it in <c>dapr-api-token</c>.</summary>
    public string? AppApiToken { get; init; }

    /// <summary>
    /// The most events the sidecar may deliver in one bulk (daprd's <c>bulkSubscribe.maxMessagesCount</c>, from
    /// <c>Dapr:BulkMaxMessages</c>); 1 turns bulk subscribe off.
    /// </summary>
    public int BulkMaxMessages { get; init; } = 100;
    /// <summary>How long the sidecar may wait to fill a bulk (<c>bulkSubscribe.maxAwaitDurationMs</c>); the DevSidecar never waits.</summary>
    public int BulkMaxAwaitMilliseconds { get; init; } = 20;

    /// <summary>Where the sidecar moves a delivery this app answered DROP (one dead-letter topic per app).</summary>
    public string DeadLetterTopic => $"{AppId}.dead-letter";

    public static DaprOptions FromConfiguration(IConfiguration configuration, string defaultAppId) => new()
    {
        AppId = configuration["APP_ID"] ?? configuration["Dapr:AppId"] ?? defaultAppId,
        PubSubName = configuration["Dapr:PubSubName"] is { Length: > 0 } name ? name : "pubsub",
        AppApiToken = configuration["APP_API_TOKEN"] is { Length: > 0 } token ? token : null,
        BulkMaxMessages = int.TryParse(configuration["Dapr:BulkMaxMessages"], out var bulk) && bulk >= 1 ? bulk : 100,
    };
}
