using System.Net;
using Equipment.DonorReporting.Contracts.Api;
using System.Text;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary>The Refit client of <c>/api/inventory</c> against the service itself: routes, bodies, enums, the CSV upload and the downloads agree.</summary>
public class TypedClientTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IInventoryApi _logistics = EquipmentApi.For(factory.ClientAs(Roles.LogisticsOfficer, username: "logistics")).Inventory;
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid GrantId, Guid ContractId)> SignedContractAsync()
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56), new CrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70)])
            { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, "EU-DGNEAR", "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 5, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)]) { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));
        return (grantId, contractId);
    }

    [Fact]
    public async Task Goods_go_from_shipment_to_deployment_transfer_and_theft_through_the_typed_client()
    {
        var (grantId, contractId) = await SignedContractAsync();
        var warehouse = "WH-" + contractId.ToString("N")[..6].ToUpperInvariant();
        await _logistics.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse", "TN", "Tunis"));
        var locations = await _logistics.ListLocationsAsync();
        Assert.Contains(locations.Warehouses, w => w.Code == warehouse);
        Assert.Contains(locations.CrossingPoints, p => p.GrantId == grantId && p.CrossingPoint.Code == "TN-DEHIBA-WAZIN");

        var line = Assert.Single((await _logistics.ListExpectedDeliveriesAsync(contractId)).Items);
        var shipment = await _logistics.DispatchAsync(new DispatchShipmentRequest("WB-" + contractId.ToString("N")[..8], "DHL", Today.AddDays(-3), Today,
            [new DispatchShipmentLine(line.Id, 5)]));
        Assert.Equal(ShipmentStatus.InTransit, (await _logistics.MarkInTransitAsync(shipment.Id)).Status);
        Assert.Equal(ShipmentStatus.Arrived, (await _logistics.ArriveAsync(shipment.Id, new RecordArrivalRequest(Today, warehouse))).Status);
        var note = await _logistics.ReceiveAsync(shipment.Id, new ReceiveGoodsRequest(Today,
            [new GoodsReceiptLine(1, [new GoodsReceiptUnit("TC-" + contractId.ToString("N")[..6] + "-1", "Thermovision", "TV-LW320", true, "photo.jpg"),
                                      new GoodsReceiptUnit("TC-" + contractId.ToString("N")[..6] + "-2", "Thermovision", "TV-LW320", false)], 1, "Cracked lens")]));
        Assert.Equal(2, note.Assets.Count);
        Assert.Equal(note.Number, (await _logistics.AcceptGoodsAsync(note.Id, new AcceptGoodsRequest(Today))).Number);
        Assert.Contains((await _logistics.ListShipmentsAsync(contractId)).Items, s => s.Id == shipment.Id && s.Status == ShipmentStatus.Received);

        var handover = await _logistics.HandOverAsync(new HandOverAssetsRequest(Today, "Tunis", new Representative("A", "B"), "Garde nationale", new Representative("C", "D"),
            note.Assets.Select(a => a.Id).ToList()));
        Assert.Equal(2, (await _logistics.GetHandoverAsync(handover.Id)).Assets.Count);
        var handedOver = (await _logistics.GetAuditTrailAsync("Asset", note.Assets[0].Id.ToString()))[^1];
        Assert.Equal(("Changed", "logistics", Roles.LogisticsOfficer), (handedOver.Action, handedOver.User, handedOver.Role));
        using (var certificate = await _logistics.DownloadHandoverCertificateAsync(handover.Id))
            Assert.Equal("text/html", certificate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await _logistics.ListAssetsAsync(grantId, status: AssetStatus.HandedOver)).TotalCount);

        var camera = note.Assets[0].Id;
        Assert.Equal(AssetStatus.Deployed, (await _logistics.DeployAsync(camera, new DeployAssetRequest("TN-RAS-AJDIR", Today))).Status);
        Assert.Equal("TN-DEHIBA-WAZIN", (await _logistics.TransferAsync(camera, new TransferAssetRequest("TN-DEHIBA-WAZIN", Today, "Reinforcement"))).CrossingPointCode);
        Assert.Equal(AssetStatus.Stolen, (await _logistics.DisposeAsync(camera, new DisposeAssetRequest(DisposalKind.Stolen, Today, "Stolen", "Police report 1"))).Status);
        Assert.Equal(AssetStatus.Stolen, (await _logistics.GetAssetAsync(camera)).Status);
        Assert.Equal([CustodyAction.Received, CustodyAction.HandedOver, CustodyAction.Deployed, CustodyAction.Transferred, CustodyAction.Stolen],
            (await _logistics.GetCustodyLogAsync(camera)).Select(e => e.Action));
        Assert.Equal(camera, (await _logistics.GetPassportAsync(camera)).Asset.Id);
        using (var svg = await _logistics.DownloadLabelSvgAsync(camera)) Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        using (var png = await _logistics.DownloadLabelPngAsync(camera)) Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        using (var csv = await _logistics.ExportAssetsAsync(grantId, status: AssetStatus.Stolen))
            Assert.Equal(2, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length);     // header and the stolen camera
    }

    [Fact]
    public async Task A_csv_import_goes_through_the_typed_client_and_a_refusal_carries_its_problem()
    {
        var (_, contractId) = await SignedContractAsync();
        var warehouse = "WI-" + contractId.ToString("N")[..6].ToUpperInvariant();
        await _logistics.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "Warehouse", "TN", "Tunis"));
        var line = Assert.Single((await _logistics.ListExpectedDeliveriesAsync(contractId)).Items);
        var shipment = await _logistics.DispatchAsync(new DispatchShipmentRequest("WI-" + contractId.ToString("N")[..8], "DHL", Today.AddDays(-3), Today,
            [new DispatchShipmentLine(line.Id, 2)]));
        await _logistics.ArriveAsync(shipment.Id, new RecordArrivalRequest(Today, warehouse));

        using var csv = new StringContent("contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n" +
            $"1,IMP-{contractId:N}-1,Thermovision,TV-MW640,true,photo1.jpg\n1,IMP-{contractId:N}-2,Thermovision,TV-MW640,false,\n", Encoding.UTF8, "text/csv");
        var job = await _logistics.ImportReceiptsAsync(shipment.Id, Today, csv);
        var done = await Poll.UntilAsync(() => _logistics.GetImportAsync(job.Id), j => j.Status is ImportStatus.Completed or ImportStatus.Failed, TimeSpan.FromSeconds(20), "the import");
        Assert.Equal((ImportStatus.Completed, 2), (done.Status, done.ProcessedRows));

        var refused = await Assert.ThrowsAsync<ApiException>(() => _logistics.DeployAsync(Guid.NewGuid(), new DeployAssetRequest("", Today)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Problem.GetProperty("errors").TryGetProperty("crossingPointCode", out _), refused.Content);
    }
}
