using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

/// <summary>
/// 50 logistics officers at once on the same write, all having read the same state (their saves held together): one
/// wins, the others get 409 (412 with a stale If-Match), never 500, and a step that publishes publishes one event.
/// Every create-or-transition of the chain of custody: warehouse, transit, arrival, receipt, acceptance, handover,
/// deployment, transfer, disposal. Receipts and handovers run one at a time in the service (<c>ExclusiveWrite</c>), so
/// their racers are sent together without holding their saves.
/// </summary>
public class RaceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private const int Racers = 50;
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_warehouse_code_is_registered_once()
    {
        var code = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code, name = $"Warehouse {i}", countryCode = "TN", address = "Zone industrielle" }));
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Warehouses.CountAsync(w => w.Code == code)));
    }

    [Fact]
    public async Task A_shipment_goes_in_transit_once_and_arrives_once()
    {
        var id = await DispatchedAsync(await ExpectedLineAsync(), 2);
        await RaceAsync(_ => _logistics.PostAsync($"/api/inventory/shipments/{id}/transit", null));
        var warehouse = await WarehouseAsync();
        await RaceAsync(_ => _logistics.PostAsJsonAsync($"/api/inventory/shipments/{id}/arrival", new { arrivedOn = Today, warehouseCode = warehouse }));
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/shipments/{id}"));
        Assert.Equal("Arrived", shipment["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_shipment_is_received_once_registering_its_assets_once()
    {
        var id = await ArrivedAsync(await ExpectedLineAsync(), 2);
        Race.AssertOneWinner(await Race.RunUnheldAsync(Racers, i => ReceiveAsync(id, [$"SN-{i:D2}-A-{Guid.NewGuid():N}"[..20], $"SN-{i:D2}-B-{Guid.NewGuid():N}"[..20]])));
        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db => db.GoodsReceivedNotes.CountAsync(n => n.ShipmentId == id)));
        var note = await factory.WithDbAsync<InventoryDbContext, Domain.GoodsReceivedNote>(db => db.GoodsReceivedNotes.SingleAsync(n => n.ShipmentId == id));
        Assert.Equal(1, await EventsAsync(DeliveryReceived.Topic, note.Id));
        Assert.Equal(2, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Assets.CountAsync(a => a.GoodsReceivedNoteId == note.Id)));
    }

    [Fact]
    public async Task Goods_are_accepted_once()
    {
        var (noteId, _) = await ReceivedAsync(1);
        await RaceAsync(_ => _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
    }

    [Fact]
    public async Task An_asset_is_handed_over_once_and_publishes_one_event()
    {
        var (_, assets) = await ReceivedAsync(1);
        Race.AssertOneWinner(await Race.RunUnheldAsync(Racers, _ => HandOverAsync(assets[0])));
        Assert.Equal(1, await EventsAsync(AssetsHandedOver.Topic, assets[0]));
    }

    [Fact]
    public async Task An_asset_is_deployed_transferred_and_disposed_once_each_publishing_one_event_each()
    {
        var (_, assets) = await ReceivedAsync(1);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await HandOverAsync(assets[0]));
        var asset = assets[0];
        await RaceAsync(_ => _logistics.PostAsJsonAsync($"/api/inventory/assets/{asset}/deployment", new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }));
        Assert.Equal(1, await EventsAsync(AssetDeployed.Topic, asset));
        await RaceAsync(i => _logistics.PostAsJsonAsync($"/api/inventory/assets/{asset}/transfer",
            new { toCrossingPointCode = "TN-DEHIBA-WAZIN", transferredOn = Today, reason = $"Reinforcement {i}" }));
        Assert.Equal(1, await EventsAsync(AssetTransferred.Topic, asset));
        await RaceAsync(i => _logistics.PostAsJsonAsync($"/api/inventory/assets/{asset}/disposal",
            new { kind = "Stolen", on = Today, reason = $"Reported stolen {i}", evidenceReference = "Police report 17/2026" }));
        Assert.Equal(1, await EventsAsync(AssetDisposed.Topic, asset));
    }

    private async Task RaceAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var answers = await Race.RunAsync(factory.Gate, Racers, send);
        Assert.Equal(Racers, factory.Gate.Arrived);
        Race.AssertOneWinner(answers);
    }

    private Task<int> EventsAsync(string topic, Guid id) => factory.WithDbAsync<InventoryDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == topic && m.Payload.Contains(id.ToString())));

    private async Task<Guid> ExpectedLineAsync()
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", "EU-DGNEAR",
            FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56), new CrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70)])
            { OccurredAt = DateTimeOffset.UtcNow }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, "EU-DGNEAR",
            "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR", [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 3, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)])
            { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() }));
        var expected = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}"));
        return expected["items"]![0]!["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> DispatchedAsync(Guid expectedDeliveryId, int quantity)
    {
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL Global Forwarding", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId, quantity } },
        }));
        return shipment["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> ArrivedAsync(Guid expectedDeliveryId, int quantity)
    {
        var id = await DispatchedAsync(expectedDeliveryId, quantity);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsync($"/api/inventory/shipments/{id}/transit", null));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{id}/arrival",
            new { arrivedOn = Today.AddDays(-1), warehouseCode = await WarehouseAsync() }));
        return id;
    }

    private async Task<(Guid NoteId, Guid[] Assets)> ReceivedAsync(int count)
    {
        var shipment = await ArrivedAsync(await ExpectedLineAsync(), count);
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created,
            await ReceiveAsync(shipment, Enumerable.Range(0, count).Select(_ => "SN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()).ToArray()));
        return (receipt["id"]!.GetValue<Guid>(), receipt["assets"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToArray());
    }

    private async Task<string> WarehouseAsync()
    {
        var code = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code, name = "ICMPD warehouse Tunis", countryCode = "TN", address = "Charguia II, Tunis" }));
        return code;
    }

    private Task<HttpResponseMessage> ReceiveAsync(Guid shipmentId, string[] serials) =>
        _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipmentId}/receipts", new
        {
            receivedOn = Today,
            lines = new[]
            {
                new
                {
                    contractLineNumber = 1, rejectedQuantity = 0, rejectionReason = (string?)null,
                    units = serials.Select(s => new { serialNumber = s, manufacturer = "Thermovision", model = "TV-MW640", visibilityMarking = true, visibilityEvidence = $"photo/{s}.jpg" }),
                },
            },
        });

    private Task<HttpResponseMessage> HandOverAsync(Guid assetId) =>
        _logistics.PostAsJsonAsync("/api/inventory/handovers", new
        {
            handedOverOn = Today, place = "Tunis", from = new { name = "Sophie Laurent", role = "ICMPD project manager" },
            toAuthority = "Garde nationale (Tunisia)", to = new { name = "Col. Mohamed Ben Salah", role = "Director of border equipment" }, assetIds = new[] { assetId },
        });
}
