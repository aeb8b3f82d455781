using System.Net;
using System.Text.Json.Nodes;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>
/// MTBF and MTTR in the donor's summary, per model and per crossing point, learnt from inventory's and maintenance's
/// events only, on a fixed history against values worked out by hand (maintenance's definitions):
///
/// A (Thermovision TV-640) deployed at Ras Ajdir on day −40, B (TV-640) at Dehiba–Wazin on −20, C (TV-320) at Ras Ajdir
/// on −10, D (TV-640) at Dehiba–Wazin on −30 and stolen on −10; E (registered before reporting kept models) at Ras
/// Ajdir on −5. Faults: A twice on −3 (repaired on −2 and on day 0: 1 and 3 days), B once on −3 (repaired on −1:
/// 2 days), D once on −25 (never repaired). In service: A 40 days, B 20, C 10, D 20 (to its theft), E 5.
/// TV-640 (A, B, D): 80 days / 4 faults = MTBF 20; repairs 1, 3, 2 = MTTR 2. TV-320 (C): 10 days, no fault, no repair.
/// ThermalCamera (model unknown) (E): 5 days. Ras Ajdir (A, C, E): 55 days / 2 faults = 27.5; repairs 1, 3 = 2.
/// Dehiba–Wazin (B, D, where D served until stolen): 40 days / 2 faults = 20; one repair of 2 days.
/// </summary>
public class ReliabilityTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private sealed record Assets(Guid A, Guid B, Guid C, Guid D, Guid E);

    private (List<(string Topic, object Event)> Events, Assets Ids) History(Guid grantId)
    {
        var ids = new Assets(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var contract = Guid.NewGuid();
        DateOnly Day(int offset) => Today.AddDays(offset);
        DateTimeOffset At(int offset) => new(Day(offset).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        AssetRegistered Registered(Guid asset, string? model) => new(asset, "R-" + asset.ToString("N")[..8], "ThermalCamera", "Thermal camera", grantId, "EU",
            contract, 1, 42_500m, "EUR", Day(-60), Day(700)) { OccurredAt = now, Manufacturer = model is null ? null : "Thermovision", Model = model };
        (string, object) Deployed(Guid asset, string point, int day) => (AssetDeployed.Topic, new AssetDeployed(asset, grantId, "EU", point, Day(day)) { OccurredAt = now });
        var (f1, f2, f3, f4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        (string, object) Fault(Guid id, Guid asset, int day) => (FaultReported.Topic, new FaultReported(id, asset, grantId, At(day), Maintenance.Contracts.Api.FaultSeverity.High) { OccurredAt = now });
        (string, object) Repair(Guid fault, Guid asset, int reported, int repaired) =>
            (FaultRepaired.Topic, new FaultRepaired(fault, Guid.NewGuid(), asset, grantId, At(reported), Day(repaired)) { OccurredAt = now });
        var events = new List<(string, object)>
        {
            (AssetRegistered.Topic, Registered(ids.A, "TV-640")), (AssetRegistered.Topic, Registered(ids.B, "TV-640")), (AssetRegistered.Topic, Registered(ids.C, "TV-320")),
            (AssetRegistered.Topic, Registered(ids.D, "TV-640")), (AssetRegistered.Topic, Registered(ids.E, null)),
            Deployed(ids.A, ReportingWorld.RasAjdir, -40), Deployed(ids.B, ReportingWorld.DehibaWazin, -20), Deployed(ids.C, ReportingWorld.RasAjdir, -10),
            Deployed(ids.D, ReportingWorld.DehibaWazin, -30), Deployed(ids.E, ReportingWorld.RasAjdir, -5),
            (AssetDisposed.Topic, new AssetDisposed(ids.D, grantId, "EU", Inventory.Contracts.Api.DisposalKind.Stolen, Day(-10), "Taken from the vehicle", "Police report 17/2026") { OccurredAt = now }),
            Fault(f1, ids.A, -3), Fault(f2, ids.A, -3), Fault(f3, ids.B, -3), Fault(f4, ids.D, -25),
            Repair(f1, ids.A, -3, -2), Repair(f2, ids.A, -3, 0), Repair(f3, ids.B, -3, -1),
        };
        return (events, ids);
    }

    private async Task<JsonNode> ReliabilityAsync(Guid grantId) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _world.Admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!["reliability"]!;

    private static Dictionary<string, (int, int, int, double?, int, double?)> Rows(JsonNode rows) => rows.AsArray().ToDictionary(
        r => r!["key"]!.GetValue<string>(),
        r => (r!["assets"]!.GetValue<int>(), r["inServiceDays"]!.GetValue<int>(), r["failures"]!.GetValue<int>(), r["mtbfDays"]?.GetValue<double>(),
            r["repairs"]!.GetValue<int>(), r["mttrDays"]?.GetValue<double>()));

    [Fact]
    public async Task Mtbf_and_mttr_per_model_and_per_crossing_point_match_the_hand_computed_values()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var (events, _) = History(grantId);
        await _world.DeliverAllAsync(events);

        var reliability = await ReliabilityAsync(grantId);
        var byModel = Rows(reliability["byModel"]!);
        Assert.Equal(3, byModel.Count);
        Assert.Equal((3, 80, 4, 20.0, 3, 2.0), byModel["Thermovision TV-640"]);
        Assert.Equal((1, 10, 0, (double?)null, 0, (double?)null), byModel["Thermovision TV-320"]);
        Assert.Equal((1, 5, 0, (double?)null, 0, (double?)null), byModel["ThermalCamera (model unknown)"]);
        var byPoint = Rows(reliability["byCrossingPoint"]!);
        Assert.Equal(2, byPoint.Count);
        Assert.Equal((3, 55, 2, 27.5, 2, 2.0), byPoint[ReportingWorld.RasAjdir]);
        Assert.Equal((2, 40, 2, 20.0, 1, 2.0), byPoint[ReportingWorld.DehibaWazin]);

        // The printable report carries the same tables.
        var html = await _world.Admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.html");
        Assert.Contains("<h2>Reliability</h2>", html);
        Assert.Contains("<tr><td>Thermovision TV-640</td><td class=\"n\">3</td><td class=\"n\">80</td><td class=\"n\">4</td><td class=\"n\">20</td><td class=\"n\">3</td><td class=\"n\">2</td></tr>", html);
        Assert.Contains("<tr><td>Thermovision TV-320</td><td class=\"n\">1</td><td class=\"n\">10</td><td class=\"n\">0</td><td class=\"n\">no fault yet</td><td class=\"n\">0</td><td class=\"n\">no repair yet</td></tr>", html);
        Assert.Contains("<tr><td>Ras Ajdir (TN-RAS-AJDIR)</td><td class=\"n\">3</td><td class=\"n\">55</td><td class=\"n\">2</td><td class=\"n\">27.5</td><td class=\"n\">2</td><td class=\"n\">2</td></tr>", html);
        Assert.Contains("<tr><td>Dehiba–Wazin (TN-DEHIBA-WAZIN)</td><td class=\"n\">2</td><td class=\"n\">40</td><td class=\"n\">2</td><td class=\"n\">20</td><td class=\"n\">1</td><td class=\"n\">2</td></tr>", html);
    }

    [Fact]
    public async Task Repairs_before_their_faults_redeliveries_and_another_grants_faults_change_nothing()
    {
        var donor = await _world.DonorAsync();
        var inOrder = await _world.GrantAsync(donor);
        var shuffled = await _world.GrantAsync(donor);
        await _world.DeliverAllAsync(History(inOrder).Events);
        var (events, ids) = History(shuffled);
        events.Reverse();
        await _world.DeliverAllAsync(events.Concat(events.Where(e => e.Event is FaultReported or FaultRepaired)));   // every fault and repair twice
        var other = await _world.GrantAsync(donor);
        await _world.DeliverAllAsync([(FaultReported.Topic, new FaultReported(Guid.NewGuid(), ids.A, other, DateTimeOffset.UtcNow, Maintenance.Contracts.Api.FaultSeverity.Low)
            { OccurredAt = DateTimeOffset.UtcNow })]);

        Assert.Equal((await ReliabilityAsync(inOrder)).ToJsonString(), (await ReliabilityAsync(shuffled)).ToJsonString());
        Assert.Equal((3, 80, 4, 20.0, 3, 2.0), Rows((await ReliabilityAsync(shuffled))["byModel"]!)["Thermovision TV-640"]);
    }

    [Fact]
    public async Task A_grant_with_nothing_deployed_has_no_reliability_rows_and_says_so()
    {
        var grantId = await _world.GrantAsync(await _world.DonorAsync());
        var reliability = await ReliabilityAsync(grantId);
        Assert.Empty(reliability["byModel"]!.AsArray());
        Assert.Empty(reliability["byCrossingPoint"]!.AsArray());
        Assert.Contains("<h2>Reliability</h2><p>No asset deployed yet.</p>", await _world.Admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.html"));
    }

    [Fact]
    public void An_asset_is_in_service_from_its_first_deployment_to_its_disposal_or_today()
    {
        var today = new DateOnly(2026, 3, 31);
        var asset = new TrackedAsset(Guid.NewGuid(), Guid.NewGuid());
        asset.Registered("S-1", "Radio", "TETRA radio", 1_000m, Guid.NewGuid(), 1, new DateOnly(2026, 1, 1), "Sepura", "SC21");
        asset.Deployed("RS-HORGOS", new DateOnly(2026, 3, 1));
        asset.Deployed("RS-PRESEVO", new DateOnly(2026, 3, 11));                    // transferred: it now serves at Preševo
        var serving = Reliability.For(asset, [], 2, [4], today);
        Assert.Equal(("Sepura SC21", "RS-PRESEVO", new DateOnly(2026, 3, 1), today, 30, 2), (serving.Model, serving.CrossingPoint, serving.From, serving.To, Days(serving), serving.Failures));
        Assert.Equal([4], serving.RepairDays);

        asset.Disposed("Lost", new DateOnly(2026, 3, 21));
        var disposed = Reliability.For(asset, [], 0, [], today);
        Assert.Equal((20, "RS-PRESEVO"), (Days(disposed), disposed.CrossingPoint));    // to the day it was lost, where it last served

        var early = Reliability.For(asset, [new StatusRecord(Guid.NewGuid(), asset.AssetId, "Degraded", new DateTime(2026, 2, 25, 0, 0, 0, DateTimeKind.Utc))], 0, [], today);
        Assert.Equal(new DateOnly(2026, 2, 25), early.From);                          // a status maintenance reported before the deployment starts it

        static int Days(Reliability.AssetHistory h) => h.To.DayNumber - h.From.DayNumber;
    }
}
