using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DevSidecar;

/// <summary>
/// One publish as daprd receives it on either API: the body, its content type, the metadata and the caller's
/// traceparent. Over HTTP those are the body, <c>Content-Type</c>, the <c>metadata.*</c> query keys (prefix stripped) and
/// the <c>traceparent</c> header; over gRPC the <c>PublishEventRequest</c>'s data, data_content_type and metadata.
/// </summary>
public sealed record Publication(string PubSub, string Topic, byte[] Data, string? ContentType, IReadOnlyDictionary<string, string> Metadata, string? TraceParent);

/// <summary>A message ready to store: the body exactly as it will be delivered.</summary>
public sealed record Envelope(string Topic, string Body, string? TraceParent);

/// <summary>
/// daprd's publishing, shared by the HTTP route and the gRPC API: the request checks, the CloudEvent envelope, and
/// storing the message with a delivery per subscriber. Refusals are thrown as <see cref="DaprApiException"/>.
/// </summary>
public sealed class Publisher(
    SidecarOptions options, SidecarDbContext db, StoreWriteGate gate, DeliverySignal signal, TimeProvider clock, ILogger<Publisher> logger)
{
    /// <summary>Accepts one publication: checked, wrapped (unless rawPayload) and stored.</summary>
    public async Task PublishAsync(Publication publication, CancellationToken cancellationToken)
    {
        var rawPayload = Check(publication.PubSub, publication.Topic, publication.Metadata);
        await StoreAsync(Wrap(publication, rawPayload), cancellationToken);
    }

    /// <summary>daprd's checks in its order (validateAndGetPubsubAndTopic); returns the <c>rawPayload</c> metadata.</summary>
    public bool Check(string pubsub, string topic, IReadOnlyDictionary<string, string> metadata)
    {
        if (string.IsNullOrEmpty(pubsub)) throw DaprApiException.PubSubNameEmpty(metadata);
        if (pubsub != options.PubSubName) throw DaprApiException.PubSubNotFound(pubsub);
        if (string.IsNullOrEmpty(topic)) throw DaprApiException.TopicEmpty(pubsub, metadata);
        if (!metadata.TryGetValue("rawPayload", out var rawPayload) || rawPayload.Length == 0) return false;
        return bool.TryParse(rawPayload, out var raw)
            ? raw
            : throw DaprApiException.MetadataDeserialization(metadata, $"rawPayload value must be a valid boolean: actual is '{rawPayload}'");
    }

    /// <summary>The body as it will be delivered: as sent when <paramref name="rawPayload"/>, otherwise daprd's envelope.</summary>
    public Envelope Wrap(Publication publication, bool rawPayload)
    {
        if (rawPayload)
            return new Envelope(publication.Topic, Encoding.UTF8.GetString(publication.Data), NullIfEmpty(publication.TraceParent));
        var built = BuildEnvelope(publication.Data, publication.ContentType, publication.PubSub, publication.Topic, options.AppId,
                publication.TraceParent, clock.GetUtcNow(), publication.Metadata)
            ?? throw DaprApiException.CloudEventCreation(options.AppId, "the body is not a JSON object");
        return new Envelope(publication.Topic, built.ToJsonString(), NullIfEmpty(built["traceparent"]?.GetValue<string>() ?? publication.TraceParent));
    }

    /// <summary>Stores the message with a pending delivery for every subscriber and wakes the delivery worker.</summary>
    public Task StoreAsync(Envelope envelope, CancellationToken cancellationToken) => StoreAsync([envelope], cancellationToken);

    /// <summary>Stores the messages of one bulk publish in one transaction, each with its deliveries, and wakes the delivery worker.</summary>
    public async Task StoreAsync(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
    {
        Accepted stored;
        try
        {
            stored = await db.AcceptAsync(gate, envelopes.Select(e => (e.Topic, e.Body, e.TraceParent)).ToList(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or SqliteException)
        {
            db.ChangeTracker.Clear();                   // the failed rows must not be saved again with the next message
            throw DaprApiException.PublishMessage(options.PubSubName, envelopes[0].Topic, e.GetBaseException().Message);
        }
        signal.Notify(stored.Deliveries);
        foreach (var message in stored.Messages) logger.LogDebug("Accepted message {MessageId} on {Topic}", message.Id, message.Topic);
    }

    /// <summary>
    /// daprd's envelope (components-contrib pubsub/envelope.go): a CloudEvent body is kept with <c>topic</c> and
    /// <c>pubsubname</c> overwritten and missing fields filled; any other body is wrapped in a new CloudEvent, whose
    /// fields the <c>cloudevent.*</c> metadata may override (dapr pkg/runtime/pubsub/cloudevents.go).
    /// Returns null when a CloudEvent body is not a JSON object.
    /// </summary>
    public static JsonObject? BuildEnvelope(
        byte[] body, string? contentType, string pubsub, string topic, string appId, string? traceParent, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var time = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        if (mediaType == "application/cloudevents+json")
        {
            JsonObject? cloudEvent;
            try { cloudEvent = JsonNode.Parse(body) as JsonObject; }
            catch (JsonException) { return null; }
            if (cloudEvent is null) return null;
            cloudEvent["topic"] = topic;
            cloudEvent["pubsubname"] = pubsub;
            cloudEvent.TryAdd("time", time);
            cloudEvent.TryAdd("tracestate", "");
            cloudEvent.TryAdd("source", "Dapr");
            cloudEvent.TryAdd("type", "com.dapr.event.sent");
            cloudEvent.TryAdd("specversion", "1.0");
            if (!cloudEvent.ContainsKey("traceid"))
            {
                var trace = cloudEvent["traceparent"]?.GetValue<string>() ?? traceParent ?? NewTraceParent();
                cloudEvent["traceid"] = trace;
                cloudEvent["traceparent"] = trace;
            }
            return cloudEvent;
        }

        string Override(string field, string value) =>
            metadata?.FirstOrDefault(m => string.Equals(m.Key, "cloudevent." + field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } given
                ? given
                : value;
        var traceId = Override("traceparent", Override("traceid", traceParent ?? ""));
        var envelope = new JsonObject
        {
            ["id"] = Override("id", Guid.NewGuid().ToString()),
            ["source"] = Override("source", appId),
            ["type"] = Override("type", "com.dapr.event.sent"),
            ["specversion"] = "1.0",
            ["datacontenttype"] = string.IsNullOrEmpty(contentType) ? "text/plain" : contentType,
            ["topic"] = topic,
            ["pubsubname"] = pubsub,
            ["traceid"] = traceId,
            ["traceparent"] = traceId,
            ["tracestate"] = Override("tracestate", ""),
            ["time"] = time,
        };
        if (Override("subject", "") is { Length: > 0 } subject) envelope["subject"] = subject;
        var text = Encoding.UTF8.GetString(body);
        if (mediaType == "application/json")
        {
            try { envelope["data"] = JsonNode.Parse(body); }
            catch (JsonException) { envelope["data"] = text; }
        }
        else if (mediaType == "application/octet-stream")
        {
            envelope["data_base64"] = Convert.ToBase64String(body);
        }
        else
        {
            envelope["data"] = text;
        }
        return envelope;
    }

    private static string NewTraceParent() =>
        $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>daprd's HTTP publish route: <c>POST|PUT /v1.0/publish/{pubsub}/{topic}</c>, the topic possibly containing <c>/</c>.</summary>
public static class HttpPublishing
{
    private const string MetadataPrefix = "metadata.";

    public static void MapPublish(this WebApplication app)
    {
        app.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
    }

    private static async Task<IResult> PublishAsync(string pubsub, string? topic, HttpContext context, SidecarOptions options, Publisher publisher)
    {
        if (options.ApiToken is not null && context.Request.Headers["dapr-api-token"] != options.ApiToken)
            return Results.Json(new { errorCode = "ERR_UNAUTHORIZED", message = "invalid api token" }, statusCode: 401);

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var metadata = context.Request.Query
            .Where(q => q.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            .ToDictionary(q => q.Key[MetadataPrefix.Length..], q => q.Value[0] ?? "");
        var publication = new Publication(pubsub, topic ?? "", buffer.ToArray(), context.Request.ContentType, metadata,
            context.Request.Headers["traceparent"].ToString());
        try
        {
            await publisher.PublishAsync(publication, context.RequestAborted);
            return Results.NoContent();
        }
        catch (DaprApiException e)
        {
            return e.ToHttpResult();
        }
    }
}
