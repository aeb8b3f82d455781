using System.Net;
using System.Net.Http.Json;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

public class InstantTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task A_tender_published_and_a_bid_received_at_an_instant_read_back_as_that_instant_in_utc()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        Guid[] invited = [await world.SupplierAsync("A", "DE"), await world.SupplierAsync("B", "FR"), await world.SupplierAsync("C", "IT")];
        var tender = await world.TenderAsync(40_000m, invited: invited);
        var tenderId = tender["id"]!.GetValue<Guid>();
        var publishedAt = new DateTimeOffset(world.Now.AddHours(-2), TimeSpan.Zero);
        var deadline = publishedAt.AddDays(31);

        // Sent with another offset: the same instant must come back, in UTC.
        var published = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.PostAsJsonAsync($"/api/procurement/tenders/{tenderId}/publication",
            new { publishedAt = publishedAt.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz"), submissionDeadline = deadline.ToString("yyyy-MM-ddTHH:mm:ssZ") }));
        var read = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync($"/api/procurement/tenders/{tenderId}"));
        foreach (var answer in new[] { published, read })
        {
            Assert.True(InstantAssert.EveryInstantIsUtc(answer, "the tender") >= 2);
            Assert.Equal(publishedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"), answer["publishedAt"]!.GetValue<string>());
            Assert.Equal(deadline.ToString("yyyy-MM-ddTHH:mm:ssZ"), answer["submissionDeadline"]!.GetValue<string>());
        }

        var bid = await HttpAssert.StatusAsync(HttpStatusCode.Created, await world.BidAsync(tenderId, invited[0], 39_000m, receivedAt: world.Now.AddMinutes(-5)));
        Assert.True(InstantAssert.EveryInstantIsUtc(bid, "the bid") >= 1);
        var ocds = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync("/api/procurement/ocds/releases"));
        Assert.True(InstantAssert.EveryInstantIsUtc(ocds, "the OCDS package") >= 1);
    }
}
