using System.Net;
using System.Text.Json.Nodes;
using Equipment.DonorReporting.Domain;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>The grant summary built from recorded event sequences, against the figures worked out in <see cref="ReportingWorld"/>.</summary>
public class ReadModelTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    [Fact]
    public async Task The_summary_matches_the_hand_computed_figures_in_publication_order()
    {
        var donor = await _world.DonorAsync();
        var grantId = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grantId);
        await _world.DeliverAllAsync(history.Events);
        await _world.VerifyDehibaWazinAsync(grantId, donor, history);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _world.Admin.PostAsync($"/api/reporting/grants/{grantId}/disbursements",
            System.Net.Http.Json.JsonContent.Create(new { paidOn = "2025-02-01", amount = 250_000, reference = "PF-1" })));

        var f = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal((1_000_000m, 198_500m, 187_500m, 112_500m, 250_000m),
            (D(f["budget"]!["amount"]), D(f["budget"]!["committed"]), D(f["budget"]!["contracted"]), D(f["budget"]!["delivered"]), D(f["budget"]!["disbursed"])));
        Assert.Equal([14, 5, 3, 3, 3, 2], Funnel(f["funnel"]!));
        var points = f["crossingPoints"]!.AsArray().ToDictionary(p => p!["code"]!.GetValue<string>());
        Assert.Equal([2, 3, 2, 2, 1, 1], Funnel(points[ReportingWorld.RasAjdir]!["funnel"]!));
        Assert.Equal([12, 2, 1, 1, 2, 1], Funnel(points[ReportingWorld.DehibaWazin]!["funnel"]!));
        Assert.Equal((240m, 28, 1, 120m, 1.5m), (D(f["upkeep"]!["usageHours"]), f["upkeep"]!["patrols"]!.GetValue<int>(),
            f["upkeep"]!["workOrdersCompleted"]!.GetValue<int>(), D(f["upkeep"]!["partsCost"]), D(f["upkeep"]!["labourHours"])));
        Assert.Equal((3, 110d, 118d), (f["leadTime"]!["assets"]!.GetValue<int>(), f["leadTime"]!["medianDays"]!.GetValue<double>(), f["leadTime"]!["p90Days"]!.GetValue<double>()));

        // Coverage: both Dehiba–Wazin assets seen, Ras Ajdir's not: 2 of 3. In use: A2 of the two seen.
        Assert.Equal((3, 2, 0.6667), (f["verification"]!["deployed"]!.GetValue<int>(), f["verification"]!["verified"]!.GetValue<int>(), f["verification"]!["coverage"]!.GetValue<double>()));
        Assert.Equal(0d, points[ReportingWorld.RasAjdir]!["verification"]!["coverage"]!.GetValue<double>());
        Assert.Equal(1d, points[ReportingWorld.DehibaWazin]!["verification"]!["coverage"]!.GetValue<double>());
        var indicators = f["indicators"]!.AsArray().ToDictionary(i => i!["code"]!.GetValue<string>(), i => i!["actual"]!.GetValue<decimal>());
        Assert.Equal((3m, 50m, 66.7m), (indicators["OUT-1"], indicators["OUT-2"], indicators["OUT-3"]));

        // Availability over the grant so far: A1 and A2 operational since deployment; A3 only until it broke.
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        double Since(DateOnly d) => (now - d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalSeconds;
        var operational = Since(ReportingWorld.A1Deployed) + Since(ReportingWorld.A2Deployed) + (ReportingWorld.A3OutOfService - ReportingWorld.A3Deployed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).TotalSeconds;
        var known = Since(ReportingWorld.A1Deployed) + Since(ReportingWorld.A2Deployed) + Since(ReportingWorld.A3Deployed);
        Assert.Equal(Math.Round(operational / known, 4), f["availability"]!.GetValue<double>());
        Assert.Equal(1d, points[ReportingWorld.RasAjdir]!["availability"]!.GetValue<double>());
    }

    [Fact]
    public async Task Reversed_and_duplicated_delivery_gives_the_same_summary()
    {
        var donor = await _world.DonorAsync();
        var inOrder = await _world.GrantAsync(donor);
        var shuffled = await _world.GrantAsync(donor);
        var first = ReportingWorld.Record(inOrder);
        var second = ReportingWorld.Record(shuffled);
        await _world.DeliverAllAsync(first.Events);
        var reversed = second.Events.Reverse().ToList();
        await _world.DeliverAllAsync(reversed.Concat(reversed.Where((_, i) => i % 2 == 0)));   // every other event twice, as a republish would

        async Task<JsonNode> FiguresAsync(Guid id) => (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{id}")))["figures"]!;
        var expected = await FiguresAsync(inOrder);
        var actual = await FiguresAsync(shuffled);
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        Assert.Equal([14, 5, 3, 3, 3, 2], Funnel(actual["funnel"]!));
    }

    [Fact]
    public async Task A_grant_with_no_events_yet_has_empty_figures_not_errors()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var f = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal([0, 0, 0, 0, 0, 0], Funnel(f["funnel"]!));
        Assert.Null(f["leadTime"]!["medianDays"]);
        Assert.Null(f["availability"]);
        Assert.Null(f["verification"]!["coverage"]);
    }

    [Fact]
    public void Percentiles_interpolate_between_neighbours()
    {
        Assert.Null(GrantFiguresCalculator.Percentile([], 0.5));
        Assert.Equal(7, GrantFiguresCalculator.Percentile([7], 0.9));
        Assert.Equal(15, GrantFiguresCalculator.Percentile([10, 20], 0.5));
        Assert.Equal(19, GrantFiguresCalculator.Percentile([10, 20], 0.9));
        Assert.Equal(46, GrantFiguresCalculator.Percentile([10, 20, 30, 40, 50], 0.9));
    }

    [Fact]
    public void Availability_counts_from_deployment_and_clips_at_the_period()
    {
        var asset = new TrackedAsset(Guid.NewGuid(), Guid.NewGuid());
        asset.Deployed("X", new DateOnly(2025, 1, 1));
        var history = new[]
        {
            new StatusRecord(Guid.NewGuid(), asset.AssetId, "UnderRepair", new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc)),
            new StatusRecord(Guid.NewGuid(), asset.AssetId, "Operational", new DateTime(2025, 1, 7, 0, 0, 0, DateTimeKind.Utc)),
        };
        // Period 2025-01-03 .. 2025-01-11: operational 2 days, repair 2 days, operational 4 days.
        var (operational, known) = Availability.For(asset, history.Reverse().ToList(),
            new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 11, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal((TimeSpan.FromDays(6), TimeSpan.FromDays(8)), (operational, known));
    }

    [Fact]
    public void Availability_of_30000_assets_deployed_for_a_year_is_computed_not_overflowed()
    {
        // 30,000 assets × 366 days (2024) = 10,980,000 asset-days, past the 10,675,199 days a TimeSpan holds: summed in
        // a TimeSpan this threw OverflowException and the summary answered 500.
        var point = new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56);
        var grant = Grant.Register("REF-BIG", "Many assets", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, "ICMPD", 1_000_000m,
            new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), ["TN"], [point], DateTime.UtcNow);
        var assets = new List<TrackedAsset>();
        var statuses = new List<StatusRecord>();
        for (var i = 0; i < 30_000; i++)
        {
            var asset = new TrackedAsset(Guid.NewGuid(), grant.Id);
            asset.Deployed(point.Code, new DateOnly(2024, 1, 1));
            assets.Add(asset);
            // One in three out of service from 1 October: operational 274 of its 366 days.
            if (i % 3 == 0) statuses.Add(new StatusRecord(Guid.NewGuid(), asset.AssetId, "UnderRepair", new DateTime(2024, 10, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        var f = GrantFiguresCalculator.Compute(grant, [], [], assets, statuses, [], [], 0m, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), []);

        // (20,000 × 366 + 10,000 × 274) / (30,000 × 366) = 10,060,000 / 10,980,000 = 0.91621…
        Assert.Equal(0.9162, f.Availability);
        Assert.Equal(0.9162, Assert.Single(f.CrossingPoints).Availability);
        Assert.Equal((30_000, 20_000), (f.Funnel.Deployed, f.Funnel.Operational));
    }

    private static decimal D(JsonNode? n) => n!.GetValue<decimal>();

    private static int[] Funnel(JsonNode f) =>
        new[] { "tendered", "contracted", "delivered", "handedOver", "deployed", "operational" }.Select(k => f[k]!.GetValue<int>()).ToArray();
}
