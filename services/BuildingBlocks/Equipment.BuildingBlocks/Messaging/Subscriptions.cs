using System.Text.Json;
using System.Text.Json.Serialization;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>Handles one integration event. Writes go to the scoped DbContext; the subscription saves them with the inbox row.</summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent @event, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown by a handler when the event depends on one that has not arrived yet (delivery has no order).
/// The subscription answers RETRY so the sidecar delivers it again later.
/// </summary>
public sealed class EventOutOfOrderException(string message) : Exception(message);

/// <summary>Thrown by a handler when the event can never be handled (its facts contradict themselves): answered DROP.</summary>
public sealed class PoisonEventException(string message) : Exception(message);

public sealed record Subscription(string Topic, Type EventType, Type HandlerType, string? DeadLetterTopic)
{
    /// <summary>The app route daprd posts this topic's CloudEvents to.</summary>
    public string Route => $"/events/{Topic}";
}

/// <summary>Subscriptions declared in code (topic → handler).</summary>
public sealed class SubscriptionRegistry
{
    private readonly List<Subscription> _subscriptions = [];
    public IReadOnlyList<Subscription> All => _subscriptions;

    public void Add(Subscription subscription)
    {
        if (_subscriptions.Any(s => s.Topic == subscription.Topic))
            throw new InvalidOperationException($"Topic '{subscription.Topic}' already has a handler.");
        _subscriptions.Add(subscription);
    }

    /// <summary>The <c>GET /dapr/subscribe</c> answer, in Dapr's JSON format.</summary>
    public IReadOnlyList<DaprSubscription> ToDaprDocument(string pubSubName) =>
        _subscriptions.Select(s => new DaprSubscription(pubSubName, s.Topic, s.Route, s.DeadLetterTopic)).ToList();
}

public sealed record DaprSubscription(
    [property: JsonPropertyName("pubsubname")] string PubSubName,
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("route")] string Route,
    [property: JsonPropertyName("deadLetterTopic"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeadLetterTopic);

/// <summary>The answer daprd reads from a delivery: SUCCESS acks, RETRY redelivers, DROP discards (or dead-letters).</summary>
public sealed record DeliveryAnswer([property: JsonPropertyName("status")] string Status)
{
    public static readonly DeliveryAnswer Success = new("SUCCESS");
    public static readonly DeliveryAnswer Retry = new("RETRY");
    public static readonly DeliveryAnswer Drop = new("DROP");
}

/// <summary>The fields of a delivered CloudEvent this app reads; <see cref="Data"/> is the unwrapped payload.</summary>
public sealed record ReceivedCloudEvent(string Id, string? Type, string? Source, string? Topic, JsonElement Data);

public static class CloudEventParser
{
    /// <summary>
    /// Reads a CloudEvent body. Returns null with a reason for a poison message: not JSON, no <c>id</c>, no payload.
    /// <c>data</c> that arrives as a JSON string (published without a JSON content type) and <c>data_base64</c> are unwrapped.
    /// </summary>
    public static ReceivedCloudEvent? Parse(ReadOnlySpan<byte> body, out string? reason)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            reason = $"body is not JSON: {e.Message}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "body is not a JSON object";
                return null;
            }
            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                reason = "CloudEvent has no id";
                return null;
            }

            JsonElement data;
            if (root.TryGetProperty("data", out var rawData) && rawData.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                if (rawData.ValueKind == JsonValueKind.String)
                {
                    if (!TryParseJson(rawData.GetString()!, out data))
                    {
                        reason = "data is a string that is not JSON";
                        return null;
                    }
                }
                else
                {
                    data = rawData.Clone();
                }
            }
            else if (root.TryGetProperty("data_base64", out var base64) && base64.ValueKind == JsonValueKind.String)
            {
                byte[] bytes;
                try { bytes = Convert.FromBase64String(base64.GetString()!); }
                catch (FormatException)
                {
                    reason = "data_base64 is not base64";
                    return null;
                }
                if (!TryParseJson(System.Text.Encoding.UTF8.GetString(bytes), out data))
                {
                    reason = "data_base64 is not JSON";
                    return null;
                }
            }
            else
            {
                reason = "CloudEvent has no data";
                return null;
            }

            reason = null;
            return new ReceivedCloudEvent(id.GetString()!, GetString(root, "type"), GetString(root, "source"), GetString(root, "topic"), data);
        }
    }

    private static bool TryParseJson(string text, out JsonElement element)
    {
        try
        {
            using var inner = JsonDocument.Parse(text);
            element = inner.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
