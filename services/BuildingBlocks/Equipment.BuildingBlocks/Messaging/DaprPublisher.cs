using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr;
using Dapr.Client;
using Equipment.BuildingBlocks.Data;
using Grpc.Core;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>Publishes one outbox row; <see cref="PublishResult.IsPublished"/> only when the sidecar accepted it.</summary>
public interface IOutboxPublisher
{
    Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes an outbox row with the Dapr SDK (<see cref="DaprClient.PublishByteEventAsync"/>, gRPC) as our own
/// CloudEvent, content type <c>application/cloudevents+json</c>: daprd keeps such an envelope as it is (its <c>id</c>
/// is our event id, which consumers deduplicate on) and only adds <c>topic</c>, <c>pubsubname</c> and trace fields.
/// </summary>
public sealed class DaprPublisher(DaprClient dapr, DaprOptions options) : IOutboxPublisher
{
    public const string CloudEventsContentType = "application/cloudevents+json";

    public async Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // The publish continues the trace of the request that wrote the row (its traceparent is on the row), so the
        // gRPC call to the sidecar, the sidecar's delivery and the consumer's handling join that request's trace.
        using var activity = Hosting.Telemetry.StartPublish(message.Topic, message.EventId, message.TraceParent);
        try
        {
            await dapr.PublishByteEventAsync(options.PubSubName, message.Topic, Envelope(message, options.AppId), CloudEventsContentType,
                cancellationToken: cancellationToken);
            return PublishResult.Published;
        }
        catch (DaprException e) when (!cancellationToken.IsCancellationRequested)
        {
            var status = (e.InnerException as RpcException)?.Status;
            var error = status is { } s ? $"sidecar answered {s.StatusCode}: {s.Detail}" : e.Message;
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
            return PublishResult.Failed(error);
        }
    }

    /// <summary>The CloudEvent 1.0 of an outbox row: <c>id</c> the event id, <c>type</c> the event's type name, <c>data</c> its JSON.</summary>
    public static byte[] Envelope(OutboxMessage message, string source)
    {
        var envelope = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = message.EventId.ToString(),
            ["source"] = source,
            ["type"] = message.EventType,
            ["time"] = DateTime.SpecifyKind(message.OccurredAt, DateTimeKind.Utc).ToString("O"),
            ["datacontenttype"] = "application/json",
            ["data"] = JsonNode.Parse(message.Payload),
        };
        if (message.TraceParent is { Length: > 0 } traceParent)
            envelope["traceparent"] = traceParent;
        return JsonSerializer.SerializeToUtf8Bytes(envelope);
    }
}

public sealed record PublishResult(bool IsPublished, string? Error)
{
    public static readonly PublishResult Published = new(true, null);
    public static PublishResult Failed(string error) => new(false, error);
}
