using Equipment.ApiClient;
using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Equipment.DonorReporting.Tests;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class AloneInTheProcess;

/// <summary>
/// The messaging metrics as the OpenTelemetry pipeline exports them, for a known scenario. The instruments are the
/// process's (one meter per process, as in a running service), so this runs alone: no other test host delivers meanwhile.
/// </summary>
[Collection(nameof(TelemetryTests))]
public class TelemetryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>A sidecar that can be taken down and brought back.</summary>
    private sealed class SwitchableSidecar : IOutboxPublisher
    {
        public volatile bool Up;
        public Task<PublishResult> PublishAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(Up ? PublishResult.Published : PublishResult.Failed("sidecar down (test)"));
    }

    private sealed class MeteredFactory : ServiceFactory<Program>
    {
        public List<Metric> Exported { get; } = [];
        public SwitchableSidecar Sidecar { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
            builder.UseSetting("Outbox:FirstRetryDelay", "00:00:00.100");
            builder.UseSetting("Outbox:MaxRetryDelay", "00:00:00.200");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IOutboxPublisher>(Sidecar);
                services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Exported));
            });
        }

        /// <summary>Exports now, and returns the last value of each point of <paramref name="name"/> by its tags.</summary>
        public Dictionary<string, double> Read(string name)
        {
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            var values = new Dictionary<string, double>();
            lock (Exported)
                foreach (var metric in Exported.Where(m => m.Name == name))
                    foreach (ref readonly var point in metric.GetMetricPoints())
                    {
                        var tags = new List<string>();
                        foreach (var tag in point.Tags) tags.Add($"{tag.Key}={tag.Value}");
                        values[string.Join(",", tags)] = metric.MetricType switch
                        {
                            MetricType.LongSum => point.GetSumLong(),
                            MetricType.LongGauge => point.GetGaugeLastValueLong(),
                            MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                            _ => double.NaN,
                        };
                    }
            return values;
        }
    }

    [Fact]
    public async Task The_outbox_backlog_rises_while_the_sidecar_is_down_and_is_zero_after_the_drain_and_a_poison_delivery_counts_one_drop()
    {
        await using var factory = new MeteredFactory();
        var admin = factory.ClientAs(Roles.Administrator);
        var world = new ReportingWorld(factory);

        // Sidecar down: registering a donor's grant leaves its event in the outbox.
        var donor = await world.DonorAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await admin.PostAsJsonAsync("/api/reporting/grants", ReportingWorld.GrantBody("G-" + Guid.NewGuid().ToString("N")[..8], donor)));
        var waiting = await Poll.UntilAsync(() => Task.FromResult(factory.Read("equipment.outbox.backlog").GetValueOrDefault("")), backlog => backlog >= 1, Deadline, "the backlog gauge to count the waiting event");
        Assert.True(factory.Read("equipment.outbox.oldest_age").GetValueOrDefault("") >= 0);

        // Sidecar back: the outbox drains to 0.
        factory.Sidecar.Up = true;
        factory.Clock.Advance(TimeSpan.FromMinutes(2));   // past the row's next attempt (the service's clock is the test's)
        await Poll.UntilAsync(() => Task.FromResult(factory.Read("equipment.outbox.backlog").GetValueOrDefault("")), backlog => backlog == 0, Deadline, $"the backlog gauge to fall from {waiting} to 0");
        Assert.Equal(0, factory.Read("equipment.outbox.oldest_age").GetValueOrDefault(""));

        // A delivery that can never be handled (not a CloudEvent of the topic's type) is one DROP, and nothing else.
        var before = factory.Read("equipment.messaging.deliveries");
        Assert.Equal("DROP", await factory.DeliverRawAsync("procurement.contract-signed", """{"id":"poison-1","specversion":"1.0","type":"x","source":"tests","data":{"nonsense":true}}"""));
        var after = factory.Read("equipment.messaging.deliveries");
        var counted = after.Where(a => a.Value != before.GetValueOrDefault(a.Key)).ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));
        Assert.Equal(new Dictionary<string, double> { ["outcome=DROP,topic=procurement.contract-signed"] = 1 }, counted);
    }
}
