using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DevSidecar;

/// <summary>
/// What the sidecar reports about itself. As in daprd (pkg/api/universal/metadata.go), the facts are read once into
/// the gRPC <see cref="GetMetadataResponse"/>; <c>GET /v1.0/metadata</c> renders the same response as daprd's JSON.
/// </summary>
public static class SidecarMetadata
{
    public static async Task<GetMetadataResponse> ReadAsync(SidecarDbContext db, SidecarOptions options, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().OrderBy(s => s.AppId).ThenBy(s => s.Topic).ToListAsync(cancellationToken);
        var byStatus = await db.Deliveries.GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(DeliveryStatus status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        var response = new GetMetadataResponse
        {
            Id = options.AppId,
            RuntimeVersion = "dev-sidecar",
            RegisteredComponents = { new RegisteredComponents { Name = options.PubSubName, Type = "pubsub.sqlite-dev", Version = "v1" } },
            // Deliveries waiting, and those that ended without SUCCESS: dropped by the app, dead-lettered, or given up.
            ExtendedMetadata =
            {
                ["pendingDeliveries"] = Count(DeliveryStatus.Pending).ToString(),
                ["droppedDeliveries"] = Count(DeliveryStatus.Dropped).ToString(),
                ["deadLetteredDeliveries"] = Count(DeliveryStatus.DeadLettered).ToString(),
                ["gaveUpDeliveries"] = Count(DeliveryStatus.GaveUp).ToString(),
            },
        };
        foreach (var s in subscriptions)
            response.Subscriptions.Add(new PubsubSubscription
            {
                PubsubName = options.PubSubName,
                Topic = s.Topic,
                DeadLetterTopic = s.DeadLetterTopic ?? "",
                Rules = new PubsubSubscriptionRules { Rules = { new PubsubSubscriptionRule { Match = "", Path = s.Route } } },
                Metadata = { ["appId"] = s.AppId },
                Type = PubsubSubscriptionType.Programmatic,
            });
        return response;
    }

    public static void MapMetadata(this WebApplication app)
    {
        app.MapGet("/v1.0/metadata", async (SidecarDbContext db, SidecarOptions options, CancellationToken ct) =>
            Results.Json(ToHttpJson(await ReadAsync(db, options, ct))));
    }

    /// <summary>daprd's HTTP shape (pkg/api/http/metadata.go): <c>subscriptions[].rules</c> is a plain array there.</summary>
    private static object ToHttpJson(GetMetadataResponse metadata) => new
    {
        id = metadata.Id,
        runtimeVersion = metadata.RuntimeVersion,
        components = metadata.RegisteredComponents.Select(c => new { name = c.Name, type = c.Type, version = c.Version, capabilities = c.Capabilities.ToArray() }),
        subscriptions = metadata.Subscriptions.Select(s => new
        {
            pubsubname = s.PubsubName,
            topic = s.Topic,
            deadLetterTopic = s.DeadLetterTopic,
            rules = s.Rules.Rules.Select(r => new { match = r.Match, path = r.Path }),
            metadata = new Dictionary<string, string>(s.Metadata),
            type = s.Type.ToString().ToUpperInvariant(),
        }),
        extended = new Dictionary<string, string>(metadata.ExtendedMetadata),
    };
}
