using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Equipment.BuildingBlocks.Hosting;

/// <summary>
/// Traces, metrics and logs with OpenTelemetry, the shape of eShop's ServiceDefaults: exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the Aspire dashboard, or any collector), kept in-process otherwise.
/// A request's trace crosses the event hop: the outbox row keeps the request's <c>traceparent</c>, the CloudEvent
/// carries it, the sidecar delivers with it, and the consumer's request continues that trace.
/// </summary>
public static class Telemetry
{
    public const string Name = "Equipment.Messaging";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Deliveries by topic and outcome (SUCCESS, RETRY, DROP).</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("equipment.messaging.deliveries", description: "Deliveries answered, by topic and outcome");

    /// <summary>From the event's <c>OccurredAt</c> to its handling by a consumer.</summary>
    public static readonly Histogram<double> HopLatency = Meter.CreateHistogram<double>("equipment.messaging.hop.duration", unit: "ms",
        description: "From an event's occurrence to its handling by a consumer");

    /// <summary>Outbox rows not yet published, and the age of the oldest: read by the dispatcher after each pass.</summary>
    public static readonly OutboxGauges Outbox = new();

    static Telemetry()
    {
        Meter.CreateObservableGauge("equipment.outbox.backlog", () => Outbox.Backlog, unit: "{event}", description: "Outbox rows waiting to be published");
        Meter.CreateObservableGauge("equipment.outbox.oldest_age", () => Outbox.OldestAgeSeconds, unit: "s", description: "Age of the oldest outbox row waiting to be published");
    }

    /// <summary>
    /// A producer span for publishing one event, child of <paramref name="traceParent"/> (the W3C traceparent of the request
    /// that wrote it) when there is one; null when nobody listens.
    /// </summary>
    public static Activity? StartPublish(string topic, Guid eventId, string? traceParent) =>
        StartMessaging($"{topic} publish", ActivityKind.Producer, topic, eventId.ToString(), traceParent);

    /// <summary>
    /// A span for a bulk publish of several events of one topic, linked to the trace of each (a batch has no single
    /// parent: the OpenTelemetry messaging conventions link it to the context of every message it carries).
    /// </summary>
    public static Activity? StartPublishBatch(string topic, IReadOnlyList<string?> traceParents) => StartBatch($"{topic} publish", topic, traceParents);

    private static Activity? StartBatch(string name, string topic, IReadOnlyList<string?> traceParents)
    {
        var links = new List<ActivityLink>();
        foreach (var traceParent in traceParents)
            if (ActivityContext.TryParse(traceParent, null, out var context)) links.Add(new ActivityLink(context));
        return Source.StartActivity(name, ActivityKind.Producer, parentContext: default, links: links)
            ?.SetTag("messaging.system", "dapr")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.batch.message_count", traceParents.Count);
    }

    /// <summary>A span for a bulk delivery of several events of one topic, linked to the trace of each (as a bulk publish is).</summary>
    public static Activity? StartDeliverBatch(string topic, IReadOnlyList<string?> traceParents) => StartBatch($"{topic} deliver", topic, traceParents);

    /// <summary>A span for one messaging step (publish, deliver) of the message <paramref name="messageId"/>, continuing <paramref name="traceParent"/>.</summary>
    public static Activity? StartMessaging(string name, ActivityKind kind, string topic, string messageId, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity(name, kind, parent)
            ?.SetTag("messaging.system", "dapr")
            .SetTag("messaging.destination.name", topic)
            .SetTag("messaging.message.id", messageId);
    }

    public static void RecordDelivery(string topic, Messaging.DeliveryAnswer answer) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("outcome", answer.Status));

    /// <summary>Health probes and the sidecar's subscription discovery: every second or so, and no one's request.</summary>
    private static bool IsHousekeeping(string? path) =>
        path is not null && (path.StartsWith("/health", StringComparison.Ordinal) || path == "/dapr/subscribe" || path.StartsWith("/v1.0/healthz", StringComparison.Ordinal));

    public sealed class OutboxGauges
    {
        public long Backlog { get; set; }
        public double OldestAgeSeconds { get; set; }
    }

    public static WebApplicationBuilder AddEquipmentTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(Name, "Grpc.Net.Client")   // the Dapr SDK's gRPC calls to the sidecar
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !IsHousekeeping(c.Request.Path.Value))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r => !IsHousekeeping(r.RequestUri?.AbsolutePath)))
            .WithMetrics(m => m
                .AddMeter(Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }
}
