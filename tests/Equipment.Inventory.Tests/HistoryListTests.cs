using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary>
/// The histories people work with: shipments, goods received notes and handover certificates, found by text, sorted and paged in
/// the database, each note printable again; bad parameters refused naming them; another donor's papers never listed.
/// </summary>
public class HistoryListTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IInventoryApi _logistics = EquipmentApi.For(factory.ClientAs(Roles.LogisticsOfficer, username: "logistics")).Inventory;
    private readonly HttpClient _logisticsHttp = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A signed contract of <paramref name="donor"/>, shipped under two waybills, both received (one unit rejected on the first) and handed over to two authorities.</summary>
    private async Task<World> ReceivedAndHandedOverAsync(string tag, string donor = "EU-DGNEAR")
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + tag, "T", donor, FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2030, 1, 1), ["TN"], [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)])
            { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + tag, grantId, donor, "Thermovision GmbH", "DE", Today.AddDays(-30), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 6, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)]) { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));
        var warehouse = "WH-" + tag;
        await _logistics.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse " + tag, "TN", "Tunis"));
        var line = Assert.Single((await _logistics.ListExpectedDeliveriesAsync(contractId)).Items);

        var first = await _logistics.DispatchAsync(new DispatchShipmentRequest($"WB-{tag}-A", "DHL", Today.AddDays(-10), Today.AddDays(-5), [new DispatchShipmentLine(line.Id, 3)]));
        var second = await _logistics.DispatchAsync(new DispatchShipmentRequest($"WB-{tag}-B", "Aramex", Today.AddDays(-6), Today.AddDays(-2), [new DispatchShipmentLine(line.Id, 2)]));
        await _logistics.ArriveAsync(first.Id, new RecordArrivalRequest(Today.AddDays(-5), warehouse));
        await _logistics.ArriveAsync(second.Id, new RecordArrivalRequest(Today.AddDays(-2), warehouse));
        var firstNote = await _logistics.ReceiveAsync(first.Id, new ReceiveGoodsRequest(Today.AddDays(-5),
            [new GoodsReceiptLine(1, [new GoodsReceiptUnit($"SN-{tag}-1", "Thermovision", "TV-LW320", true, "photo.jpg"), new GoodsReceiptUnit($"SN-{tag}-2", "Thermovision", "TV-LW320", false)],
                1, "Cracked lens")]));
        var secondNote = await _logistics.ReceiveAsync(second.Id, new ReceiveGoodsRequest(Today.AddDays(-2),
            [new GoodsReceiptLine(1, [new GoodsReceiptUnit($"SN-{tag}-3", "Thermovision", "TV-LW320", false), new GoodsReceiptUnit($"SN-{tag}-4", "Thermovision", "TV-LW320", false)])]));
        var toGuard = await _logistics.HandOverAsync(new HandOverAssetsRequest(Today.AddDays(-1), $"Ras Ajdir {tag}", new Representative("A", "B"), $"Garde nationale {tag}",
            new Representative("C", "D"), firstNote.Assets.Select(a => a.Id).ToList()));
        var toCustoms = await _logistics.HandOverAsync(new HandOverAssetsRequest(Today, $"Tunis {tag}", new Representative("A", "B"), $"Douane {tag}",
            new Representative("C", "D"), secondNote.Assets.Select(a => a.Id).ToList()));
        return new World(first, second, firstNote, secondNote, toGuard, toCustoms);
    }

    private sealed record World(ShipmentResponse First, ShipmentResponse Second, GoodsReceivedResponse FirstNote, GoodsReceivedResponse SecondNote,
        HandoverResponse ToGuard, HandoverResponse ToCustoms);

    private static string Tag() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task Goods_received_notes_are_listed_found_sorted_paged_and_printed_again()
    {
        var tag = Tag();
        var w = await ReceivedAndHandedOverAsync(tag);

        var ofFirst = Assert.Single((await _logistics.ListGoodsReceivedNotesAsync(shipmentId: w.First.Id)).Items);
        Assert.Equal((w.FirstNote.Number, $"WB-{tag}-A", $"C-{tag}", $"WH-{tag}", 2, 1, "logistics"),
            (ofFirst.Number, ofFirst.WaybillNumber, ofFirst.ContractReference, ofFirst.WarehouseCode, ofFirst.AcceptedQuantity, ofFirst.RejectedQuantity, ofFirst.ReceivedBy));
        Assert.Null(ofFirst.AcceptedOn);

        var byWaybill = Assert.Single((await _logistics.ListGoodsReceivedNotesAsync(q: $"wb-{tag.ToLowerInvariant()}-b")).Items);
        Assert.Equal(w.SecondNote.Id, byWaybill.Id);
        Assert.Equal([w.SecondNote.Id, w.FirstNote.Id], (await _logistics.ListGoodsReceivedNotesAsync(q: $"c-{tag}")).Items.Select(n => n.Id));          // newest receipt first
        Assert.Equal([w.FirstNote.Id, w.SecondNote.Id], (await _logistics.ListGoodsReceivedNotesAsync(q: $"WH-{tag}", sort: "receivedOn")).Items.Select(n => n.Id));
        var byNumber = (await _logistics.ListGoodsReceivedNotesAsync(q: $"C-{tag}", sort: "-number")).Items.Select(n => n.Number).ToList();
        Assert.Equal(byNumber.OrderDescending(StringComparer.Ordinal), byNumber);
        var second = await _logistics.ListGoodsReceivedNotesAsync(q: $"C-{tag}", page: 2, pageSize: 1);
        Assert.Equal((2, 1, w.FirstNote.Id), (second.TotalCount, second.Items.Count, second.Items[0].Id));
        Assert.Empty((await _logistics.ListGoodsReceivedNotesAsync(q: $"nothing-{tag}")).Items);

        var note = await _logistics.GetGoodsReceivedNoteAsync(w.FirstNote.Id);
        Assert.Equal((w.FirstNote.Number, 2), (note.Number, note.Assets.Count));
        using var printable = await _logistics.DownloadGoodsReceivedNoteAsync(w.FirstNote.Id);
        Assert.Equal("text/html", printable.Content.Headers.ContentType?.MediaType);
        var html = await printable.Content.ReadAsStringAsync();
        foreach (var text in new[] { w.FirstNote.Number, $"WB-{tag}-A", $"C-{tag}", $"SN-{tag}-1", $"SN-{tag}-2", "Cracked lens", "Thermal camera" })
            Assert.Contains(text, html);

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/goods-received-notes?sort=weight"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/goods-received-notes?q=" + new string('x', 201)), "q");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/goods-received-notes?pageSize=201"), "pageSize");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await _logisticsHttp.GetAsync($"/api/inventory/goods-received-notes/{Guid.NewGuid()}/note.html"));
    }

    [Fact]
    public async Task Handover_certificates_are_found_by_number_authority_place_and_waybill_sorted_and_paged()
    {
        var tag = Tag();
        var w = await ReceivedAndHandedOverAsync(tag);

        Assert.Equal(w.ToGuard.Id, Assert.Single((await _logistics.ListHandoversAsync(q: $"garde nationale {tag.ToLowerInvariant()}")).Items).Id);
        Assert.Equal(w.ToCustoms.Id, Assert.Single((await _logistics.ListHandoversAsync(q: $"Tunis {tag}")).Items).Id);
        Assert.Equal(w.ToCustoms.Id, Assert.Single((await _logistics.ListHandoversAsync(q: $"WB-{tag}-B")).Items).Id);
        Assert.Equal(w.ToGuard.Id, Assert.Single((await _logistics.ListHandoversAsync(shipmentId: w.First.Id)).Items).Id);
        var guard = Assert.Single((await _logistics.ListHandoversAsync(q: w.ToGuard.Number)).Items, h => h.Id == w.ToGuard.Id);
        Assert.Equal(($"Garde nationale {tag}", $"Ras Ajdir {tag}", 2, "ICMPD"), (guard.ToAuthority, guard.Place, guard.AssetCount, guard.FromParty));

        Assert.Equal([w.ToCustoms.Id, w.ToGuard.Id], (await _logistics.ListHandoversAsync(q: $"WB-{tag}")).Items.Select(h => h.Id));          // newest first
        Assert.Equal([w.ToGuard.Id, w.ToCustoms.Id], (await _logistics.ListHandoversAsync(q: $"WB-{tag}", sort: "handedOverOn")).Items.Select(h => h.Id));
        Assert.Equal([w.ToCustoms.Id, w.ToGuard.Id], (await _logistics.ListHandoversAsync(q: $"WB-{tag}", sort: "authority")).Items.Select(h => h.Id));   // Douane before Garde
        var page = await _logistics.ListHandoversAsync(q: $"WB-{tag}", sort: "authority", page: 2, pageSize: 1);
        Assert.Equal((2, w.ToGuard.Id), (page.TotalCount, Assert.Single(page.Items).Id));

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/handovers?sort=place"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/handovers?q=" + new string('x', 201)), "q");
    }

    [Fact]
    public async Task Shipments_are_filtered_found_sorted_and_paged_in_the_database()
    {
        var tag = Tag();
        var w = await ReceivedAndHandedOverAsync(tag);
        var line = Assert.Single((await _logistics.ListExpectedDeliveriesAsync(w.First.ContractId)).Items);
        var third = await _logistics.DispatchAsync(new DispatchShipmentRequest($"WB-{tag}-C", "DHL", Today.AddDays(-1), Today.AddDays(3), [new DispatchShipmentLine(line.Id, 1)]));

        Assert.Equal([third.Id, w.Second.Id, w.First.Id], (await _logistics.ListShipmentsAsync(q: $"wb-{tag.ToLowerInvariant()}")).Items.Select(s => s.Id));   // newest dispatch first
        Assert.Equal([w.First.Id, w.Second.Id, third.Id], (await _logistics.ListShipmentsAsync(q: $"C-{tag}", sort: "dispatchedOn")).Items.Select(s => s.Id));
        Assert.Equal([third.Id, w.Second.Id, w.First.Id], (await _logistics.ListShipmentsAsync(q: $"C-{tag}", sort: "-waybill")).Items.Select(s => s.Id));
        Assert.Equal([w.First.Id, third.Id], (await _logistics.ListShipmentsAsync(contractId: w.First.ContractId, q: "dhl", sort: "estimatedArrival")).Items.Select(s => s.Id));
        Assert.Equal(third.Id, Assert.Single((await _logistics.ListShipmentsAsync(contractId: w.First.ContractId, status: ShipmentStatus.Dispatched)).Items).Id);
        var page = await _logistics.ListShipmentsAsync(q: $"WB-{tag}", sort: "waybill", page: 3, pageSize: 1);
        Assert.Equal((3, third.Id), (page.TotalCount, Assert.Single(page.Items).Id));

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/shipments?sort=carrier"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logisticsHttp.GetAsync("/api/inventory/shipments?q=" + new string('x', 201)), "q");
    }

    [Fact]
    public async Task A_monitor_sees_the_papers_of_their_own_donor_only()
    {
        var tag = Tag();
        var w = await ReceivedAndHandedOverAsync(tag, donor: "IT-MININT");
        var eu = EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, donor: "EU-DGNEAR")).Inventory;
        var italy = EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, donor: "IT-MININT")).Inventory;

        Assert.Empty((await eu.ListGoodsReceivedNotesAsync(q: $"C-{tag}")).Items);
        Assert.Empty((await eu.ListHandoversAsync(q: $"WB-{tag}")).Items);
        Assert.Empty((await eu.ListShipmentsAsync(q: $"WB-{tag}")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ApiException>(() => eu.GetGoodsReceivedNoteAsync(w.FirstNote.Id))).Status);
        Assert.Equal(2, (await italy.ListGoodsReceivedNotesAsync(q: $"C-{tag}")).TotalCount);
        Assert.Equal(2, (await italy.ListHandoversAsync(q: $"WB-{tag}")).TotalCount);
    }
}
