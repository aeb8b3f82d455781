using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Equipment.BuildingBlocks.Messaging;

public static class DaprMessaging
{
    /// <summary>
    /// The SDK's JSON for what it serialises itself (a bulk publish's <c>CloudEvent</c> entries): its web defaults,
    /// and an attribute with no value is left out, as CloudEvents asks, rather than written as null.
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions ClientJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The app's side of Dapr pub/sub: <c>DaprClient</c> (gRPC; it reads <c>DAPR_GRPC_ENDPOINT</c>/<c>DAPR_GRPC_PORT</c>
    /// and <c>DAPR_API_TOKEN</c> itself) behind the outbox publisher, and, when <c>APP_API_TOKEN</c> is set,
    /// Dapr.AspNetCore's App API token scheme so that only the sidecar can deliver.
    /// </summary>
    public static IServiceCollection AddDaprMessaging(this IServiceCollection services, DaprOptions options)
    {
        services.AddSingleton(options);
        services.AddDaprClient(client => client.UseJsonSerializationOptions(ClientJson));
        services.AddSingleton<IOutboxPublisher, DaprPublisher>();
        if (options.AppApiToken is { } appApiToken)
        {
            services.AddAuthentication().AddDapr(o => o.Token = appApiToken);
            services.AddAuthorization(o => o.AddDapr(SubscriptionEndpoints.SidecarPolicy));
        }
        return services;
    }
}
