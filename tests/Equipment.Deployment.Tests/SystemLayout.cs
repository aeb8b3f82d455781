using System.Reflection;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Messaging;

namespace Equipment.Deployment.Tests;

/// <summary>One of the four services: its Dapr app id and port, and the assemblies its topics are read from.</summary>
public sealed record ServiceApp(string AppId, int Port, string ServiceAssembly, string ContractsAssembly)
{
    public string DeadLetterTopic => $"{AppId}.dead-letter";     // DaprOptions.DeadLetterTopic

    /// <summary>Topics of the service's <see cref="IIntegrationEventHandler{TEvent}"/> implementations (what it subscribes to).</summary>
    public IReadOnlySet<string> SubscribedTopics() =>
        Assembly.Load(ServiceAssembly).GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
            .Select(i => TopicOf(i.GetGenericArguments()[0]))
            .ToHashSet();

    /// <summary>Topics of the events in the service's own Contracts assembly (each fact has one owner, who publishes it).</summary>
    public IReadOnlySet<string> PublishedTopics() =>
        Assembly.Load(ContractsAssembly).GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ITopicEvent).IsAssignableFrom(t))
            .Select(TopicOf)
            .ToHashSet();

    private static string TopicOf(Type @event) =>
        @event.GetProperty(nameof(ITopicEvent.Topic), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
        ?? throw new InvalidOperationException($"{@event} has no static Topic.");
}

public static class SystemLayout
{
    /// <summary>
    /// The four services' app ids and ports, as README.md ("Run it", "How it fits together") and deploy/dapr/dapr.yaml
    /// give them. A change to either must change this table, and the manifests with it.
    /// </summary>
    public static readonly IReadOnlyList<ServiceApp> Services =
    [
        new("procurement", 5101, "Equipment.Procurement", "Equipment.Procurement.Contracts"),
        new("inventory", 5102, "Equipment.Inventory", "Equipment.Inventory.Contracts"),
        new("maintenance", 5103, "Equipment.Maintenance", "Equipment.Maintenance.Contracts"),
        new("donor-reporting", 5104, "Equipment.DonorReporting", "Equipment.DonorReporting.Contracts"),
    ];

    public const string PubSubName = "pubsub";     // Dapr:PubSubName
    public const string GatewayName = "gateway";
    public const string PortalName = "portal";
}
