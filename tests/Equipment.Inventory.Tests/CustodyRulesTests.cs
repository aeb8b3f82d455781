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

    private static readonly DateOnly Signed = Arrived.AddDays(-10);

    private static ExpectedDelivery SignedDelivery(string? destination = "TN-RAS-AJDIR") => ExpectedDelivery.ForContractLine(
        Guid.NewGuid(), "C-2", 1, GrantId, "EU-DGNEAR", "Thermovision GmbH", "ThermalCamera", "Thermal camera",
        3, 42_500m, "EUR", destination, destination is null ? "Tunis warehouse" : null, new DateOnly(2026, 6, 1), 24, signedOn: Signed);

    [Fact]
    public void A_shipment_is_dispatched_on_or_after_the_contracts_signature_and_arrives_after_it_left()
    {
        var early = Assert.Throws<RuleViolationException>(() => Shipment.Dispatch("WB-E", "DHL", Signed.AddDays(-1), Arrived, [(SignedDelivery(), 1)]));
        Assert.Equal(("dispatchedOn", "NotBeforeContractSignature"), (early.Field, early.Rule));
        Assert.Contains(Signed.ToString("yyyy-MM-dd"), early.Message);
        Assert.Contains(Signed.AddDays(-1).ToString("yyyy-MM-dd"), early.Message);

        var shipment = Shipment.Dispatch("WB-S", "DHL", Signed, Arrived, [(SignedDelivery(), 1)]);
        var arrival = Assert.Throws<RuleViolationException>(() => shipment.Arrive(Signed.AddDays(-1), "TN-TUNIS-WH"));
        Assert.Equal(("arrivedOn", "AfterDispatch"), (arrival.Field, arrival.Rule));
        Assert.Contains(Signed.ToString("yyyy-MM-dd"), arrival.Message);
        shipment.Arrive(Signed, "TN-TUNIS-WH");

        // A line learnt before the signature date was kept (default date) is not held to it.
        Shipment.Dispatch("WB-O", "DHL", Signed.AddDays(-100), Arrived, [(Delivery(), 1)]);
    }

    [Fact]
    public void Receipt_acceptance_handover_and_deployment_follow_one_another()
    {
        var delivery = SignedDelivery();
        var (shipment, deliveries) = Arrive(delivery, 2);
        var beforeArrival = Assert.Throws<RuleViolationException>(() => GoodsReceivedNote.Record("GRN-2", shipment, deliveries,
            [new ReceiptInput(1, [Unit("X-1")], 0, null)], Arrived.AddDays(-1), 30, "ICMPD", "l", Now));
        Assert.Equal(("receivedOn", "NotBeforeArrival"), (beforeArrival.Field, beforeArrival.Rule));

        var (note, assets, _) = GoodsReceivedNote.Record("GRN-2", shipment, deliveries, [new ReceiptInput(1, [Unit("X-1"), Unit("X-2")], 0, null)], Arrived, 30, "ICMPD", "l", Now);
        var beforeReceipt = Assert.Throws<RuleViolationException>(() => note.Accept(Arrived.AddDays(-1), assets));
        Assert.Equal(("acceptedOn", "NotBeforeReceipt"), (beforeReceipt.Field, beforeReceipt.Rule));
        note.Accept(Arrived.AddDays(5), assets);

        var asset = assets[0];
        var early = new HandoverCertificate("HC-2", GrantId, "EU-DGNEAR", Arrived.AddDays(4), "Tunis", "ICMPD", "S", "PM", "Garde nationale", "B", "D", [asset.Id]);
        var beforeAcceptance = Assert.Throws<RuleViolationException>(() => asset.HandOver(early, "l", Now));
        Assert.Equal(("handedOverOn", "NotBeforeAcceptance"), (beforeAcceptance.Field, beforeAcceptance.Rule));
        Assert.Contains(Arrived.AddDays(5).ToString("yyyy-MM-dd"), beforeAcceptance.Message);
        Assert.Contains(Arrived.AddDays(4).ToString("yyyy-MM-dd"), beforeAcceptance.Message);
        asset.HandOver(new HandoverCertificate("HC-3", GrantId, "EU-DGNEAR", Arrived.AddDays(5), "Tunis", "ICMPD", "S", "PM", "Garde nationale", "B", "D", [asset.Id]), "l", Now);
        Assert.Equal(Arrived.AddDays(5), asset.HandedOverOn);

        var beforeHandover = Assert.Throws<RuleViolationException>(() => asset.DeployAt("TN-RAS-AJDIR", Arrived.AddDays(4), Grant, "l", Now));
        Assert.Equal(("deployedOn", "NotBeforeHandover"), (beforeHandover.Field, beforeHandover.Rule));
        Assert.Contains(Arrived.AddDays(5).ToString("yyyy-MM-dd"), beforeHandover.Message);
        asset.DeployAt("TN-RAS-AJDIR", Arrived.AddDays(5), Grant, "l", Now);
    }

    [Fact]
    public void An_acceptance_dated_after_a_handover_of_its_goods_is_refused()
    {
        var delivery = SignedDelivery();
        var (shipment, deliveries) = Arrive(delivery, 1);
        var (note, assets, _) = GoodsReceivedNote.Record("GRN-3", shipment, deliveries, [new ReceiptInput(1, [Unit("Y-1")], 0, null)], Arrived, 30, "ICMPD", "l", Now);
        assets[0].HandOver(new HandoverCertificate("HC-4", GrantId, "EU-DGNEAR", Arrived.AddDays(2), "Tunis", "ICMPD", "S", "PM", "Garde nationale", "B", "D", [assets[0].Id]), "l", Now);
        var late = Assert.Throws<RuleViolationException>(() => note.Accept(Arrived.AddDays(3), assets));
        Assert.Equal(("acceptedOn", "NotAfterHandover"), (late.Field, late.Rule));
        note.Accept(Arrived.AddDays(2), assets);
    }

    [Fact]
    public void Deploying_away_from_the_contract_lines_destination_is_a_deviation_that_needs_a_reason()
    {
        Asset HandedOver(ExpectedDelivery delivery, string serial)
        {
            var (shipment, deliveries) = Arrive(delivery, 1);
            var asset = GoodsReceivedNote.Record("GRN-" + serial, shipment, deliveries, [new ReceiptInput(1, [Unit(serial)], 0, null)], Arrived, 30, "ICMPD", "l", Now).Assets[0];
            asset.HandOver(new HandoverCertificate("HC-" + serial, GrantId, "EU-DGNEAR", Arrived, "Tunis", "ICMPD", "S", "PM", "Garde nationale", "B", "D", [asset.Id]), "l", Now);
            return asset;
        }

        var camera = HandedOver(SignedDelivery("TN-RAS-AJDIR"), "D-1");
        Assert.Equal("TN-RAS-AJDIR", camera.DestinationCrossingPointCode);
        var refused = Assert.Throws<RuleViolationException>(() => camera.DeployAt("TN-DEHIBA-WAZIN", Arrived, Grant, "l", Now));
        Assert.Equal(("deviationReason", "ReasonForDeviation"), (refused.Field, refused.Rule));
        Assert.Contains("TN-RAS-AJDIR", refused.Message);
        Assert.Contains("TN-DEHIBA-WAZIN", refused.Message);
        Assert.Throws<RuleViolationException>(() => camera.DeployAt("TN-DEHIBA-WAZIN", Arrived, Grant, "l", Now, "  "));

        var entry = camera.DeployAt("TN-DEHIBA-WAZIN", Arrived, Grant, "l", Now, "Ras Ajdir tower not built yet");
        Assert.True(camera.DeployedAwayFromDestination);
        Assert.Equal("Ras Ajdir tower not built yet", camera.DeploymentDeviationReason);
        Assert.Contains("deviation", entry.Why);
        Assert.Contains("TN-RAS-AJDIR", entry.Why);

        var onTarget = HandedOver(SignedDelivery("TN-RAS-AJDIR"), "D-2");
        Assert.Equal("Deployment", onTarget.DeployAt("TN-RAS-AJDIR", Arrived, Grant, "l", Now, "ignored").Why);
        Assert.False(onTarget.DeployedAwayFromDestination);

        var warehouseLine = HandedOver(SignedDelivery(destination: null), "D-3");
        warehouseLine.DeployAt("TN-DEHIBA-WAZIN", Arrived, Grant, "l", Now);
        Assert.False(warehouseLine.DeployedAwayFromDestination);
    }
}
