using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Tests;

public class CustodyRulesTests
{
    private static readonly Guid GrantId = Guid.NewGuid();
    private static readonly KnownGrant Grant = new(GrantId, "G-1", "EU-DGNEAR", "ICMPD",
    [
        new KnownCrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56, "Garde nationale"),
        new KnownCrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70, "Garde nationale"),
    ]);
    private static readonly DateOnly Arrived = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static ExpectedDelivery Delivery(int quantity = 3) => ExpectedDelivery.ForContractLine(
        Guid.NewGuid(), "C-1", 1, GrantId, "EU-DGNEAR", "Thermovision GmbH", "ThermalCamera", "Thermal camera",
        quantity, 42_500m, "EUR", "TN-RAS-AJDIR", null, new DateOnly(2026, 6, 1), 24);

    private static (Shipment, Dictionary<Guid, ExpectedDelivery>) Arrive(ExpectedDelivery delivery, int quantity)
    {
        var shipment = Shipment.Dispatch("WB-" + Guid.NewGuid().ToString("N")[..6], "DHL", Arrived.AddDays(-5), Arrived, [(delivery, quantity)]);
        shipment.Arrive(Arrived, "TN-TUNIS-WH");
        return (shipment, new Dictionary<Guid, ExpectedDelivery> { [delivery.Id] = delivery });
    }

    private static ReceivedUnit Unit(string serial, string model = "TV-MW640") => new(serial, "Thermovision", model, true, "photo.jpg");

    private static IReadOnlyList<Asset> Receive(ExpectedDelivery delivery, params string[] serials)
    {
        var (shipment, deliveries) = Arrive(delivery, serials.Length);
        return GoodsReceivedNote.Record("GRN-1", shipment, deliveries, [new ReceiptInput(1, serials.Select(s => Unit(s)).ToList(), 0, null)],
            Arrived, 30, "ICMPD", "logistics", Now).Assets;
    }

    [Fact]
    public void Receiving_registers_one_asset_per_serial_owned_by_the_implementing_partner_in_the_warehouse()
    {
        var delivery = Delivery();
        var (shipment, deliveries) = Arrive(delivery, 3);
        var (note, assets, custody) = GoodsReceivedNote.Record("GRN-1", shipment, deliveries,
            [new ReceiptInput(1, [Unit("TC-1"), Unit("TC-2")], 1, "Cracked lens")], Arrived, 30, "ICMPD", "logistics", Now);
        Assert.Equal(["TC-1", "TC-2"], assets.Select(a => a.SerialNumber));
        Assert.All(assets, a => Assert.Equal(("ICMPD", "TN-TUNIS-WH", AssetStatus.Received), (a.Owner, a.WarehouseCode, a.Status)));
        Assert.Equal(2, custody.Count);
        Assert.Equal(1, delivery.QuantityOutstanding);
        Assert.Equal(ShipmentStatus.Received, shipment.Status);
        Assert.Equal(Arrived, note.ReceivedOn);
    }

    [Fact]
    public void Over_delivery_is_refused_against_the_waybill_and_against_the_contract()
    {
        var delivery = Delivery(quantity: 2);
        Assert.Throws<ConflictException>(() => Shipment.Dispatch("WB-1", "DHL", Arrived, Arrived, [(delivery, 3)]));
        var (shipment, deliveries) = Arrive(delivery, 2);
        var e = Assert.Throws<ConflictException>(() => GoodsReceivedNote.Record("GRN-1", shipment, deliveries,
            [new ReceiptInput(1, [Unit("A"), Unit("B")], 1, "broken")], Arrived, 30, "ICMPD", "logistics", Now));
        Assert.Equal("NoOverDelivery", e.Rule);
    }

    [Fact]
    public void Goods_are_received_only_from_an_arrived_shipment()
    {
        var delivery = Delivery();
        var shipment = Shipment.Dispatch("WB-1", "DHL", Arrived, Arrived, [(delivery, 1)]);
        var e = Assert.Throws<StateConflictException>(() => GoodsReceivedNote.Record("GRN-1", shipment, new Dictionary<Guid, ExpectedDelivery> { [delivery.Id] = delivery },
            [new ReceiptInput(1, [Unit("A")], 0, null)], Arrived, 30, "ICMPD", "logistics", Now));
        Assert.Equal("Dispatched", e.CurrentState);
    }

    [Theory]
    [InlineData(29, null)]
    [InlineData(30, 30)]
    [InlineData(31, 30)]
    public void Acceptance_is_deemed_exactly_when_the_period_has_run(int daysAfterReceipt, int? acceptedAfter)
    {
        var asset = Receive(Delivery(), "TC-1")[0];
        Assert.Equal(acceptedAfter is null ? null : Arrived.AddDays(acceptedAfter.Value), asset.AcceptanceOn(Arrived.AddDays(daysAfterReceipt)));
        Assert.Equal(Arrived.AddDays(30).AddMonths(24), asset.WarrantyEndsOn(Arrived.AddDays(daysAfterReceipt)));
    }

    [Fact]
    public void A_recorded_acceptance_starts_the_warranty()
    {
        var delivery = Delivery();
        var (shipment, deliveries) = Arrive(delivery, 1);
        var (note, assets, _) = GoodsReceivedNote.Record("GRN-1", shipment, deliveries, [new ReceiptInput(1, [Unit("TC-1")], 0, null)], Arrived, 30, "ICMPD", "l", Now);
        note.Accept(Arrived.AddDays(10), assets);
        Assert.Equal(Arrived.AddDays(10), assets[0].AcceptanceOn(Arrived.AddDays(11)));
        Assert.Equal(Arrived.AddDays(10).AddMonths(24), assets[0].WarrantyEndsOn(Arrived.AddDays(11)));
        Assert.Throws<ConflictException>(() => note.Accept(Arrived.AddDays(12), assets));
    }

    [Fact]
    public void An_asset_is_deployed_after_its_handover_only_at_an_agreed_crossing_point_then_transferred_then_disposed()
    {
        var asset = Receive(Delivery(), "TC-1")[0];
        Assert.Equal("Received", Assert.Throws<StateConflictException>(() => asset.DeployAt("TN-RAS-AJDIR", Arrived, Grant, "l", Now)).CurrentState);

        var certificate = new HandoverCertificate("HC-1", GrantId, "EU-DGNEAR", Arrived.AddDays(2), "Tunis", "ICMPD", "S. Laurent", "PM", "Garde nationale", "Col. B.", "Director", [asset.Id]);
        asset.HandOver(certificate, "l", Now);
        Assert.Equal(("Garde nationale", AssetStatus.HandedOver), (asset.Owner, asset.Status));

        var outside = Assert.Throws<ConflictException>(() => asset.DeployAt("EG-SALLOUM", Arrived.AddDays(3), Grant, "l", Now));
        Assert.Contains("TN-RAS-AJDIR (Ras Ajdir)", outside.Message);
        Assert.Contains("TN-DEHIBA-WAZIN", outside.Message);

        var deployed = asset.DeployAt("TN-RAS-AJDIR", Arrived.AddDays(3), Grant, "l", Now);
        Assert.Equal((CustodyAction.Deployed, "warehouse TN-TUNIS-WH"), (deployed.Action, deployed.From));
        Assert.Equal("Deployed", Assert.Throws<StateConflictException>(() => asset.DeployAt("TN-DEHIBA-WAZIN", Arrived.AddDays(4), Grant, "l", Now)).CurrentState);

        var moved = asset.TransferTo("TN-DEHIBA-WAZIN", Arrived.AddDays(5), "Reinforcement", Grant, "l", Now);
        Assert.Equal(("TN-RAS-AJDIR", "Reinforcement"), (moved.From, moved.Why));
        Assert.Equal("TN-DEHIBA-WAZIN", asset.CrossingPointCode);

        asset.Dispose(DisposalKind.Stolen, Arrived.AddDays(9), "Stolen from a vehicle", "Police report 11", "l", Now);
        Assert.Equal(AssetStatus.Stolen, asset.Status);
        Assert.Throws<StateConflictException>(() => asset.Dispose(DisposalKind.Lost, Arrived.AddDays(10), "again", "x", "l", Now));
    }
}
