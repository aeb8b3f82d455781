using System.Net;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary><c>GET /api/procurement/attention</c>: a lot in its standstill needs attention until the award; monitors see their donor's only.</summary>
public class AttentionTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private static async Task<Dictionary<string, string>> AttentionAsync(HttpClient client)
    {
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/procurement/attention?pageSize=200"));
        return page["items"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == AttentionKinds.StandstillEnding)
            .ToDictionary(i => i!["entityId"]!.GetValue<string>(), i => i!["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lot_in_standstill_needs_the_officers_and_its_donors_attention_until_the_award()
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var world = await ProcurementWorld.CreateAsync(factory, donor);
        var supplier = await world.SupplierAsync("Thermovision Systems GmbH " + Guid.NewGuid().ToString("N")[..4], "DE");
        var id = (await world.TenderAsync(350_000m))["id"]!.GetValue<Guid>();
        await world.PublishAsync(id);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(id, supplier, 340_000m));
        world.Clock.Advance(TimeSpan.FromDays(61));
        await world.OpenBidsAsync(id);
        var bid = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}/lots/1/bids")))[0]!["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/bids/{bid}/evaluation", new { administrativelyCompliant = true, technicallyCompliant = true }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award-proposal"));
        Assert.False((await AttentionAsync(world.Officer)).ContainsKey(id.ToString()));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/standstill", new { }));

        var ends = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{id}")))["lots"]![0]!["standstillEndsOn"]!.GetValue<string>();
        Assert.Equal(ends, (await AttentionAsync(world.Officer))[id.ToString()]);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        Assert.Equal(ends, (await AttentionAsync(monitor))[id.ToString()]);
        using var otherMonitor = factory.ClientAs(Roles.DonorMonitor, "OTHER-" + donor);
        Assert.False((await AttentionAsync(otherMonitor)).ContainsKey(id.ToString()));

        world.Clock.Advance(TimeSpan.FromDays(10));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.PostAsync($"tenders/{id}/lots/1/award"));
        Assert.False((await AttentionAsync(world.Officer)).ContainsKey(id.ToString()));
    }
}
