using System.Net;
using System.Net.Http.Json;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary><c>GET /visits</c>: a donor's visits across grants or of one grant, found by crossing point or monitor, filtered by status, sorted and paged in the database.</summary>
public class VisitListTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    [Fact]
    public async Task Visits_are_found_filtered_sorted_and_paged_and_another_donors_are_never_listed()
    {
        var donor = await _world.DonorAsync();
        var grant = await _world.GrantAsync(donor);
        var history = ReportingWorld.Record(grant);
        await _world.DeliverAllAsync(history.Events);
        await _world.VerifyDehibaWazinAsync(grant, donor, history);                                          // today, recorded, by "tester"
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        using var amina = factory.ClientAs(Roles.DonorMonitor, donor, username: "amina");
        foreach (var (point, day) in new (string?, int)[] { (ReportingWorld.RasAjdir, 5), (null, 10) })
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await amina.PostAsJsonAsync($"/api/reporting/grants/{grant}/visits",
                new { crossingPointCode = point, plannedFor = today.AddDays(day), sampleSize = 1, seed = 3 }));
        var monitor = EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, donor)).Reporting;

        static IEnumerable<(string?, DateOnly)> Keys(Page<VisitResponse> page) => page.Items.Select(v => (v.CrossingPointCode, v.PlannedFor));
        Assert.Equal([(null, today.AddDays(10)), (ReportingWorld.RasAjdir, today.AddDays(5)), (ReportingWorld.DehibaWazin, today)],
            Keys(await monitor.ListVisitsAsync()));                                                                   // latest planned first
        Assert.Equal([(ReportingWorld.DehibaWazin, today), (ReportingWorld.RasAjdir, today.AddDays(5)), (null, today.AddDays(10))],
            Keys(await monitor.ListVisitsAsync(grant, sort: "plannedFor")));
        Assert.Equal([(ReportingWorld.RasAjdir, today.AddDays(5)), (ReportingWorld.DehibaWazin, today)],
            Keys(await monitor.ListVisitsAsync(q: "tn-")));                                                            // the crossing point, any case
        Assert.Equal(2, (await monitor.ListVisitsAsync(q: "AMINA")).TotalCount);                                      // the monitor
        var recorded = Assert.Single((await monitor.ListVisitsAsync(status: VisitStatus.Recorded)).Items);
        Assert.Equal((ReportingWorld.DehibaWazin, today), (recorded.CrossingPointCode, recorded.VisitedOn));
        Assert.Equal(ReportingWorld.DehibaWazin, (await monitor.ListVisitsAsync(sort: "-visitedOn")).Items[0].CrossingPointCode);
        var second = await monitor.ListVisitsAsync(sort: "plannedFor", page: 2, pageSize: 2);
        Assert.Equal((3, (string?)null), (second.TotalCount, Assert.Single(second.Items).CrossingPointCode));

        var other = await _world.DonorAsync();
        var stranger = EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, other)).Reporting;
        Assert.Equal(0, (await stranger.ListVisitsAsync()).TotalCount);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ApiException>(() => stranger.ListVisitsAsync(grant))).Status);
        Assert.Equal(3, (await EquipmentApi.For(factory.ClientAs(Roles.Administrator)).Reporting.ListVisitsAsync(grant)).TotalCount);

        using var http = factory.ClientAs(Roles.DonorMonitor, donor);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/reporting/visits?sort=monitor"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/reporting/visits?q=" + new string('x', 201)), "q");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await factory.ClientAs(Roles.ProcurementOfficer).GetAsync("/api/reporting/visits"));
    }
}
