using System.Net;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Contracts.Api;
using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

/// <summary>The missing items of inventory's stock-takes, per grant: each donor sees its own grants' only; the latest count wins.</summary>
public class StockTakeMissingItemsTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly ReportingWorld _world = new(factory);

    private static StockTakeClosed Closed(DateTimeOffset at, string place, params StockTakeCountedAsset[] assets) =>
        new(Guid.NewGuid(), place, StockTakePlaceKind.CrossingPoint, DateOnly.FromDateTime(at.UtcDateTime), assets) { OccurredAt = at };

    private static async Task<string[]> MissingAsync(HttpClient client, Guid grant) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/reporting/grants/{grant}/missing-items")))["items"]!.AsArray()
            .Select(i => i!["serialNumber"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_donor_sees_the_missing_items_of_its_own_grants_only_and_a_later_count_that_finds_one_takes_it_off()
    {
        var eu = await _world.DonorAsync();
        var it = await _world.DonorAsync();
        var euGrant = await _world.GrantAsync(eu);
        var itGrant = await _world.GrantAsync(it);
        StockTakeCountedAsset Asset(Guid grant, string donor, string serial, StockTakeCountResult result, Guid? id = null) =>
            new(id ?? Guid.NewGuid(), grant, donor, serial, "Thermal camera", result);
        var euMissing = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddDays(-2);

        // One count at a crossing point holding both donors' equipment.
        var count = Closed(at, ReportingWorld.RasAjdir,
            Asset(euGrant, eu, "EU-1", StockTakeCountResult.Found), Asset(euGrant, eu, "EU-2", StockTakeCountResult.Missing, euMissing),
            Asset(euGrant, eu, "EU-3", StockTakeCountResult.Missing), Asset(itGrant, it, "IT-1", StockTakeCountResult.Missing));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(StockTakeClosed.Topic, count));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(StockTakeClosed.Topic, count));               // delivered twice: the same copy

        using var euMonitor = factory.ClientAs(Roles.DonorMonitor, eu);
        using var itMonitor = factory.ClientAs(Roles.DonorMonitor, it);
        Assert.Equal(["EU-2", "EU-3"], await MissingAsync(euMonitor, euGrant));
        Assert.Equal(["IT-1"], await MissingAsync(itMonitor, itGrant));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await euMonitor.GetAsync($"/api/reporting/grants/{itGrant}/missing-items"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await itMonitor.GetAsync($"/api/reporting/grants/{euGrant}/missing-items"));
        Assert.Equal(["IT-1"], await MissingAsync(_world.Admin, itGrant));

        // A later count finds EU-2; an older count saying EU-3 was found arrives late and changes nothing.
        Assert.Equal("SUCCESS", await factory.DeliverAsync(StockTakeClosed.Topic,
            Closed(at.AddDays(1), ReportingWorld.RasAjdir, Asset(euGrant, eu, "EU-2", StockTakeCountResult.Found, euMissing))));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(StockTakeClosed.Topic,
            Closed(at.AddDays(-30), ReportingWorld.RasAjdir, Asset(euGrant, eu, "EU-3", StockTakeCountResult.Found))));
        Assert.Equal(["EU-3"], await MissingAsync(euMonitor, euGrant));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await euMonitor.GetAsync($"/api/reporting/grants/{euGrant}/missing-items?pageSize=201"), field: "pageSize");
    }
}
