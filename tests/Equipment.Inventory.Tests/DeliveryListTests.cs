using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary><c>GET /expected-deliveries</c>: the lines still outstanding, found by text, earliest deadline first or sorted otherwise, paged in the database.</summary>
public class DeliveryListTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IInventoryApi _logistics = EquipmentApi.For(factory.ClientAs(Roles.LogisticsOfficer, username: "logistics")).Inventory;
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Outstanding_lines_are_found_by_contract_supplier_item_or_destination_sorted_and_paged()
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + tag, "T", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2030, 1, 1), ["TN"], [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)])
            { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var cameras = Guid.NewGuid();
        var radios = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(cameras, $"C-{tag}-B", grantId, "EU-DGNEAR", $"Thermovision {tag}", "DE", Today.AddDays(-30), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 2, 42_500m, "TN-RAS-AJDIR", Today.AddDays(-3), 24),           // overdue
             new ContractLineSigned(2, "Binoculars", "Night binoculars", 1, 2_000m, "TN-RAS-AJDIR", Today.AddDays(40), 24)]) { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(radios, $"C-{tag}-A", grantId, "EU-DGNEAR", $"Alpha Radio {tag}", "FR", Today.AddDays(-30), "EUR",
            [new ContractLineSigned(1, "Radio", "TETRA radio", 1, 900m, "TN-RAS-AJDIR", Today.AddDays(20), 24)]) { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));

        // The binoculars arrive and are accepted: that line is no longer outstanding.
        var warehouse = "WD-" + tag;
        await _logistics.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse", "TN", "Tunis"));
        var binoculars = Assert.Single((await _logistics.ListExpectedDeliveriesAsync(cameras)).Items, d => d.ContractLineNumber == 2);
        var shipment = await _logistics.DispatchAsync(new DispatchShipmentRequest($"WB-{tag}", "DHL", Today.AddDays(-2), Today, [new DispatchShipmentLine(binoculars.Id, 1)]));
        await _logistics.ArriveAsync(shipment.Id, new RecordArrivalRequest(Today, warehouse));
        await _logistics.ReceiveAsync(shipment.Id, new ReceiveGoodsRequest(Today, [new GoodsReceiptLine(2, [new GoodsReceiptUnit($"BN-{tag}", "Vortex", "N-1", false)])]));

        IEnumerable<string> Keys(Page<ExpectedDeliveryResponse> page) => page.Items.Select(d => $"{d.ContractReference}/{d.ContractLineNumber}");
        Assert.Equal([$"C-{tag}-B/1", $"C-{tag}-A/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(outstanding: true, q: tag.ToLowerInvariant())));    // overdue first
        Assert.Equal([$"C-{tag}-B/2"], Keys(await _logistics.ListExpectedDeliveriesAsync(outstanding: false, q: tag)));
        Assert.Equal([$"C-{tag}-B/2", $"C-{tag}-A/1", $"C-{tag}-B/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(q: tag, sort: "-deadline")));
        Assert.Equal([$"C-{tag}-A/1", $"C-{tag}-B/1", $"C-{tag}-B/2"], Keys(await _logistics.ListExpectedDeliveriesAsync(q: tag, sort: "contract")));
        Assert.Equal([$"C-{tag}-B/1", $"C-{tag}-B/2", $"C-{tag}-A/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(q: tag, sort: "-supplier")));
        Assert.Equal([$"C-{tag}-A/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(q: $"alpha radio {tag}")));                                         // the supplier
        Assert.Equal([$"C-{tag}-B/2"], Keys(await _logistics.ListExpectedDeliveriesAsync(grantId: grantId, q: "NIGHT BINOCULARS")));                         // the item
        Assert.Equal([$"C-{tag}-B/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(overdue: true, q: tag)));                                           // past its deadline, outstanding
        Assert.Equal([$"C-{tag}-B/2", $"C-{tag}-A/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(overdue: false, q: tag, sort: "-deadline")));
        Assert.Equal([$"C-{tag}-B/1", $"C-{tag}-A/1"], Keys(await _logistics.ListExpectedDeliveriesAsync(outstanding: true, destination: "TN-RAS-AJDIR", q: tag)));
        Assert.Empty(Keys(await _logistics.ListExpectedDeliveriesAsync(destination: "RS-HORGOS", q: tag)));
        var second = await _logistics.ListExpectedDeliveriesAsync(q: tag, sort: "contract", page: 2, pageSize: 2);
        Assert.Equal((3, $"C-{tag}-B/2"), (second.TotalCount, Assert.Single(Keys(second))));

        var http = factory.ClientAs(Roles.LogisticsOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/inventory/expected-deliveries?sort=price"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await http.GetAsync("/api/inventory/expected-deliveries?q=" + new string('x', 201)), "q");
    }
}
