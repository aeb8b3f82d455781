using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary><c>GET /tenders</c>: found by text in the reference or title in any case, sorted, paged, through HTTP.</summary>
public class TenderListTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private static IEnumerable<string> References(System.Text.Json.Nodes.JsonNode page) => page["items"]!.AsArray().Select(t => t!["reference"]!.GetValue<string>());

    [Fact]
    public async Task Tenders_are_found_by_reference_or_title_sorted_either_way_and_paged_with_the_total()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var supplier = await world.SupplierAsync("Radiocom " + Guid.NewGuid().ToString("N")[..6], "DE");
        var token = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        string[] references = [$"T-{token}-B", $"T-{token}-A", $"T-{token}-C"];
        foreach (var (reference, title) in references.Zip(["Radios for Dehiba", $"Thermal cameras {token.ToLowerInvariant()}", "Patrol vehicles"]))
        {
            world.Clock.Advance(TimeSpan.FromMinutes(1));                                               // created one after the other
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.Officer.PostAsJsonAsync("/api/procurement/tenders", new
            {
                reference, title, grantId = world.GrantId,
                lots = new[] { new { title, requisitionIds = new[] { await world.RequisitionAsync(5_000m) } } },
                awardMethod = "LowestPrice", priceWeight = 0, qualityCriteria = Array.Empty<object>(), invitedSupplierIds = new[] { supplier },
            }));
        }

        async Task<System.Text.Json.Nodes.JsonNode> List(string query) =>
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders?grantId={world.GrantId}&{query}"));

        Assert.Equal(references, References(await List("")).Reverse());                                   // newest first by default
        Assert.Equal([$"T-{token}-A", $"T-{token}-B", $"T-{token}-C"], References(await List("sort=reference")));
        Assert.Equal([$"T-{token}-C", $"T-{token}-B", $"T-{token}-A"], References(await List("sort=-reference")));
        Assert.Equal([$"T-{token}-A"], References(await List($"q=CAMERAS%20{token}")));                    // the title, in another case
        Assert.Equal([$"T-{token}-C"], References(await List($"q=t-{token.ToLowerInvariant()}-c")));        // the reference
        Assert.Empty(References(await List("q=nothing-like-it")));

        var second = await List("sort=reference&pageSize=2&page=2");
        Assert.Equal([$"T-{token}-C"], References(second));
        Assert.Equal((3, 2), (second["totalCount"]!.GetValue<int>(), second["pageNumber"]!.GetValue<int>()));

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.Officer.GetAsync("/api/procurement/tenders?sort=price"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.Officer.GetAsync($"/api/procurement/tenders?q={new string('x', 201)}"), "q");
    }
}
