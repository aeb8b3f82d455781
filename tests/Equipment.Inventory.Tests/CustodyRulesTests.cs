using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Tests;

public class CustodyRulesTests
{
    private static readonly Guid GrantId = Guid.NewGuid();
    private static readonly KnownGrant Grant = new(GrantId, "G-1", "EU-DGNEAR", ["TN-RAS-AJDIR", "TN-DEHIBA-WAZIN"]);
    private static readonly DateOnly Received = new(2025, 3, 1);

    private static ExpectedDelivery Delivery(int quantity = 3) => ExpectedDelivery.ForContractLine(
        Guid.NewGuid(), "C-1", 1, GrantId, "EU-DGNEAR", "Thermovision GmbH", "ThermalCamera", "Thermal camera",
        quantity, 42_500m, "EUR", "TN-RAS-AJDIR", null, new DateOnly(2025, 6, 1), 24);

    [Fact]
    public void Receiving_registers_one_asset_per_serial_with_its_warranty()
    {
        var delivery = Delivery();
        var assets = delivery.Receive(["TC-1", "TC-2"], rejectedQuantity: 1, Received);
        Assert.Equal(["TC-1", "TC-2"], assets.Select(a => a.SerialNumber));
        Assert.All(assets, a => Assert.Equal(new DateOnly(2027, 3, 1), a.WarrantyEndsOn));
        Assert.All(assets, a => Assert.Equal(AssetStatus.InWarehouse, a.Status));
        Assert.Equal(1, delivery.QuantityOutstanding);
        Assert.Equal(1, delivery.QuantityRejected);
    }

    [Fact]
    public void More_units_than_outstanding_are_refused()
    {
        var delivery = Delivery(quantity: 2);
        delivery.Receive(["TC-1"], 0, Received);
        var e = Assert.Throws<ConflictException>(() => delivery.Receive(["TC-2", "TC-3"], 0, Received));
        Assert.Contains("1 of 2", e.Message);
        Assert.Equal(1, delivery.QuantityAccepted);
    }

    [Fact]
    public void A_serial_number_appears_once_in_a_receipt()
    {
        var e = Assert.Throws<RuleViolationException>(() => Delivery().Receive(["TC-1", "TC-1"], 0, Received));
        Assert.Equal("UniqueSerialNumber", e.Rule);
    }

    [Fact]
    public void An_asset_is_deployed_only_at_an_agreed_crossing_point_and_only_once()
    {
        var asset = Delivery().Receive(["TC-1"], 0, Received)[0];
        Assert.Equal("crossingPointCode", Assert.Throws<RuleViolationException>(() => asset.DeployAt("EG-SALLOUM", Received, Grant)).Field);
        Assert.Equal("deployedOn", Assert.Throws<RuleViolationException>(() => asset.DeployAt("TN-RAS-AJDIR", Received.AddDays(-1), Grant)).Field);

        asset.DeployAt("TN-DEHIBA-WAZIN", Received.AddDays(3), Grant);
        Assert.Equal(AssetStatus.Deployed, asset.Status);
        var conflict = Assert.Throws<StateConflictException>(() => asset.DeployAt("TN-RAS-AJDIR", Received.AddDays(4), Grant));
        Assert.Equal("Deployed", conflict.CurrentState);
        Assert.Equal("TN-DEHIBA-WAZIN", asset.CrossingPointCode);
    }
}
