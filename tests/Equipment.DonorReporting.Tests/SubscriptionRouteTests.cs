using Equipment.Testing;

namespace Equipment.DonorReporting.Tests;

public class SubscriptionRouteTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task Every_subscription_route_refuses_a_delivery_without_the_sidecars_token_and_drops_what_it_can_never_handle()
    {
        var topics = await SubscriptionAssert.EveryRouteDropsWhatItCanNeverHandleAsync(factory, "donor-reporting");
        Assert.Equal(18, topics.Count);
    }
}
