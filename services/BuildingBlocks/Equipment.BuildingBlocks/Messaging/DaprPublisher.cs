using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr;
using Dapr.Client;
using Equipment.BuildingBlocks.Data;
using Grpc.Core;

namespace Equipment.BuildingBlocks.Messaging;

/// <summary>Publishes outbox rows; <see cref="PublishResult.IsPublished"/> only when the sidecar accepted the row.</summary>
public interface IOutboxPublisher
{
    Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes rows of one topic, in their order, in as few calls as the publisher can. Returns one result per row
    /// tried, in the same order: a shorter list leaves the rows after it untried. By default one row at a time, up to
    /// the first failure.
    /// </summary>
    async Task<IReadOnlyList<PublishResult>> PublishBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var results = new List<PublishResult>(messages.Count);
        foreach (var message in messages)
        {
            var result = await PublishAsync(message, cancellationToken);
            results.Add(result);
            if (!result.IsPublished) break;
        }
        return results;
    }
}

/// <summary>
/// Publishes outbox rows with the Dapr SDK over gRPC as our own CloudEvents, content type
/// <c>application/cloudevents+json</c>: daprd keeps such an envelope as it is (its <c>id</c> is our event id, which
/// consumers deduplicate on) and only adds <c>topic</c>, <c>pubsubname</c> and trace fields. One row goes with
/// <see cref="DaprClient.PublishByteEventAsync"/>; several rows of one topic go in one bulk publish
/// (<see cref="DaprClient.BulkPublishEventAsync{TValue}"/>, daprd's BulkPublishEvent), each entry carrying its row's
/// traceparent so that every event still continues the trace of the request that wrote it.
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
            return Refused(e, activity);
        }
    }

    public async Task<IReadOnlyList<PublishResult>> PublishBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count <= 1) return messages.Count == 0 ? [] : [await PublishAsync(messages[0], cancellationToken)];
        var topic = messages[0].Topic;
        if (messages.Any(m => m.Topic != topic)) throw new ArgumentException("A bulk publish carries one topic.", nameof(messages));

        using var activity = Hosting.Telemetry.StartPublishBatch(topic, messages.Select(m => m.TraceParent).ToList());
        var entries = messages.Select(m => OutboxCloudEvent.Of(m, options.AppId)).ToList();
        try
        {
            var response = await dapr.BulkPublishEventAsync(options.PubSubName, topic, entries, cancellationToken: cancellationToken);
            var failed = response.FailedEntries.ToDictionary(f => f.Entry.EventData, f => f.ErrorMessage);
            if (failed.Count > 0) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"{failed.Count} of {entries.Count} entries refused");
            return entries.Select(e => failed.TryGetValue(e, out var error) ? PublishResult.Failed($"sidecar refused the entry: {error}") : PublishResult.Published).ToList();
        }
        catch (DaprException e) when (!cancellationToken.IsCancellationRequested)
        {
            return [Refused(e, activity)];                                          // the first row failed; the others were not taken
        }
    }

    /// <summary>The sidecar's refusal in words (its gRPC status when there is one), also set on the publish span.</summary>
    private static PublishResult Refused(DaprException e, System.Diagnostics.Activity? activity)
    {
        var status = (e.InnerException as RpcException)?.Status;
        var error = status is { } s ? $"sidecar answered {s.StatusCode}: {s.Detail}" : e.Message;
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
        return PublishResult.Failed(error);
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

/// <summary>
/// An outbox row as the entry of a bulk publish: the SDK's <see cref="CloudEvent{TData}"/> (sent as
/// <c>application/cloudevents+json</c>) with the attributes <see cref="DaprPublisher.Envelope"/> writes.
/// </summary>
public static class OutboxCloudEvent
{
    public static CloudEvent<JsonElement> Of(OutboxMessage message, string source)
    {
        using var data = JsonDocument.Parse(message.Payload);
        return new CloudEvent<JsonElement>(data.RootElement.Clone())
        {
            Id = message.EventId.ToString(),
            SpecVersion = "1.0",
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = message.EventType,
            Time = new DateTimeOffset(DateTime.SpecifyKind(message.OccurredAt, DateTimeKind.Utc)),
            TraceParent = message.TraceParent is { Length: > 0 } t ? t : null,
        };
    }
}
