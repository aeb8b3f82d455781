using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Data;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>
/// Publishes one outbox row to the sidecar: <c>POST /v1.0/publish/{pubsub}/{topic}</c> with our own CloudEvent
/// (<c>application/cloudevents+json</c>), as daprd expects. Only 204 counts as published.
/// </summary>
public sealed class DaprPublisher(HttpClient http, DaprOptions options)
{
    public const string CloudEventsContentType = "application/cloudevents+json";

    public async Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = message.EventId.ToString(),
            ["source"] = options.AppId,
            ["type"] = message.EventType,
            ["time"] = DateTime.SpecifyKind(message.OccurredAt, DateTimeKind.Utc).ToString("O"),
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(message.Payload),
        };
        if (message.TraceParent is { Length: > 0 } traceParent)
            envelope["traceparent"] = traceParent;

        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"v1.0/publish/{Uri.EscapeDataString(options.PubSubName)}/{Uri.EscapeDataString(message.Topic)}")
        {
            Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, CloudEventsContentType),
        };
        if (options.ApiToken is not null)
            request.Headers.Add("dapr-api-token", options.ApiToken);

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent)
                return PublishResult.Published;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return PublishResult.Failed($"sidecar answered {(int)response.StatusCode}: {body}");
        }
        catch (HttpRequestException e)
        {
            return PublishResult.Failed($"sidecar unreachable at {http.BaseAddress}: {e.Message}");
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return PublishResult.Failed($"sidecar timed out: {e.Message}");
        }
    }
}

public sealed record PublishResult(bool IsPublished, string? Error)
{
    public static readonly PublishResult Published = new(true, null);
    public static PublishResult Failed(string error) => new(false, error);
}
