using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Equipment.DevSidecar;

/// <summary><c>POST|PUT /v1.0/publish/{pubsub}/{topic}</c> with daprd's envelope rules and error bodies.</summary>
public static class Publishing
{
    public static void MapPublish(this WebApplication app)
    {
        app.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
    }

    private static async Task<IResult> PublishAsync(
        string pubsub, string? topic, HttpContext context, SidecarOptions options, SidecarDbContext db, DeliverySignal signal, SubscriptionGate gate,
        TimeProvider clock, ILoggerFactory loggers)
    {
        if (options.ApiToken is not null && context.Request.Headers["dapr-api-token"] != options.ApiToken)
            return DaprError(401, "ERR_UNAUTHORIZED", "invalid api token");
        if (pubsub != options.PubSubName)
            return DaprError(404, "ERR_PUBSUB_NOT_FOUND", $"pubsub {pubsub} is not found");
        if (string.IsNullOrEmpty(topic))
            return DaprError(404, "ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}");

        var rawPayload = context.Request.Query["metadata.rawPayload"].ToString();
        if (rawPayload.Length > 0 && !bool.TryParse(rawPayload, out _))
            return DaprError(400, "ERR_PUBSUB_REQUEST_METADATA", $"rawPayload value must be a valid boolean: actual is '{rawPayload}'");

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var traceParent = context.Request.Headers["traceparent"].ToString();
        var now = clock.GetUtcNow();

        string envelope;
        if (string.Equals(rawPayload, "true", StringComparison.OrdinalIgnoreCase))
        {
            envelope = System.Text.Encoding.UTF8.GetString(body);
        }
        else
        {
            var built = BuildEnvelope(body, context.Request.ContentType, pubsub, topic, options.AppId, traceParent, now);
            if (built is null)
                return DaprError(500, "ERR_PUBSUB_CLOUD_EVENTS_SER", "error when unmarshalling the request body as a cloud event");
            envelope = built.ToJsonString();
            traceParent = built["traceparent"]?.GetValue<string>() ?? traceParent;
        }

        var message = await db.AcceptAsync(gate, topic, envelope, string.IsNullOrEmpty(traceParent) ? null : traceParent, now.UtcDateTime, context.RequestAborted);
        signal.Notify();
        loggers.CreateLogger("Equipment.DevSidecar.Publish").LogInformation("Accepted message {MessageId} on {Topic}", message.Id, topic);
        return Results.NoContent();
    }

    /// <summary>
    /// daprd's envelope (components-contrib pubsub/envelope.go): a CloudEvent body is kept with <c>topic</c> and
    /// <c>pubsubname</c> overwritten and missing fields filled; any other body is wrapped in a new CloudEvent.
    /// Returns null when a CloudEvent body is not a JSON object.
    /// </summary>
    public static JsonObject? BuildEnvelope(byte[] body, string? contentType, string pubsub, string topic, string appId, string? traceParent, DateTimeOffset now)
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

        var envelope = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = appId,
            ["type"] = "com.dapr.event.sent",
            ["specversion"] = "1.0",
            ["datacontenttype"] = string.IsNullOrEmpty(contentType) ? "text/plain" : contentType,
            ["topic"] = topic,
            ["pubsubname"] = pubsub,
            ["traceid"] = traceParent ?? "",
            ["traceparent"] = traceParent ?? "",
            ["tracestate"] = "",
            ["time"] = time,
        };
        var text = System.Text.Encoding.UTF8.GetString(body);
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

    /// <summary>daprd's error body (dapr/kit errors JSONErrorValue).</summary>
    public static IResult DaprError(int status, string errorCode, string message) =>
        Results.Json(new { errorCode, message }, statusCode: status);
}
