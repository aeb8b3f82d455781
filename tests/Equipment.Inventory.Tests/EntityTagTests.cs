using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary>ETag on reads, If-Match on writes: a stale one is 412 with nothing written, a current one writes and answers the new ETag.</summary>
public class EntityTagTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> DispatchedShipmentAsync()
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", "EU-DGNEAR",
            FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)]) { OccurredAt = DateTimeOffset.UtcNow }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, "EU-DGNEAR",
            "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR", [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 3, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)])
            { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));
        var expected = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}"));
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL Global Forwarding", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId = expected["items"]![0]!["id"]!.GetValue<Guid>(), quantity = 2 } },
        }));
        return shipment["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task A_stale_If_Match_moves_no_shipment_and_the_current_one_does_and_answers_the_new_ETag()
    {
        var id = await DispatchedShipmentAsync();
        var path = $"/api/inventory/shipments/{id}";
        var read = await ETagAssert.ReadAsync(_logistics, path);

        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_logistics, path + "/transit", null, ETagAssert.Stale), read, "Dispatched");
        var unchanged = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync(path));
        Assert.Equal("Dispatched", unchanged["status"]!.GetValue<string>());
        Assert.Equal(read, await ETagAssert.ReadAsync(_logistics, path));

        using var moved = await ETagAssert.PostAsync(_logistics, path + "/transit", null, read);
        Assert.Equal("InTransit", (await HttpAssert.StatusAsync(HttpStatusCode.OK, moved))["status"]!.GetValue<string>());
        var now = ETagAssert.Of(moved);
        Assert.NotEqual(read, now);
        Assert.Equal(now, await ETagAssert.ReadAsync(_logistics, path));

        // The tag read before is stale now: an arrival with it is refused and changes nothing.
        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_logistics, path + "/arrival", new { arrivedOn = Today, warehouseCode = "WH-NONE" }, read), now, "InTransit");
        Assert.Equal(now, await ETagAssert.ReadAsync(_logistics, path));
    }
}
