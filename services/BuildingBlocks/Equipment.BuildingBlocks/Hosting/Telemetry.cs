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

    public static void RecordDelivery(string topic, Messaging.DeliveryAnswer answer) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("outcome", answer.Status));

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
                .AddSource(Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }
}
