using Equipment.BuildingBlocks.Errors;
using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Tests;

/// <summary>The stock-take's rules on the entity: classification of a scan, duplicates, missing, closing once, last seen.</summary>
public class StockTakeRulesTests
{
    private static readonly DateOnly Arrived = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<Asset> Received(string warehouse, params string[] serials)
    {
        var delivery = ExpectedDelivery.ForContractLine(Guid.NewGuid(), "C-1", 1, Guid.NewGuid(), "EU-DGNEAR", "Thermovision GmbH", "ThermalCamera", "Thermal camera",
            serials.Length, 42_500m, "EUR", "TN-RAS-AJDIR", null, new DateOnly(2026, 6, 1), 24);
        var shipment = Shipment.Dispatch("WB-" + Guid.NewGuid().ToString("N")[..6], "DHL", Arrived.AddDays(-5), Arrived, [(delivery, serials.Length)]);
        shipment.Arrive(Arrived, warehouse);
        return GoodsReceivedNote.Record("GRN-1", shipment, new Dictionary<Guid, ExpectedDelivery> { [delivery.Id] = delivery },
            [new ReceiptInput(1, serials.Select(s => new ReceivedUnit(s, "Thermovision", "TV-MW640", true, null)).ToList(), 0, null)],
            Arrived, 30, "ICMPD", "logistics", Now.AddDays(-19)).Assets;
    }

    [Fact]
    public void A_scan_is_found_here_registered_elsewhere_or_unknown_and_a_second_scan_of_a_serial_is_not_counted()
    {
        var here = Received("WH-TUNIS", "TC-1", "TC-2");
        var there = Received("WH-SFAX", "TC-9");
        var take = StockTake.Open("WH-TUNIS", StockTakePlaceKind.Warehouse, "Tunis", "logistics", Now);

        Assert.Equal(ScanResult.Found, take.Scan("TC-1", here[0], false, "logistics", Now)!.Result);
        Assert.Equal(ScanResult.Elsewhere, take.Scan("TC-9", there[0], false, "logistics", Now)!.Result);
        var unknown = take.Scan(" XX-1 ", null, false, "logistics", Now)!;
        Assert.Equal((ScanResult.Unknown, "XX-1"), (unknown.Result, unknown.SerialNumber));
        Assert.Null(take.Scan("TC-1", here[0], alreadyScanned: true, "logistics", Now));
        Assert.Equal("serialNumber", Assert.Throws<RuleViolationException>(() => take.Scan("  ", null, false, "logistics", Now)).Field);
    }

    [Fact]
    public void Missing_are_the_assets_registered_here_that_no_scan_found_and_closing_freezes_them_and_stamps_last_seen_on_found_and_elsewhere()
    {
        var here = Received("WH-TUNIS", "TC-1", "TC-2", "TC-3");
        var there = Received("WH-SFAX", "TC-9");
        var take = StockTake.Open("WH-TUNIS", StockTakePlaceKind.Warehouse, "Tunis", "logistics", Now);
        var scans = new[] { take.Scan("TC-1", here[0], false, "logistics", Now)!, take.Scan("TC-9", there[0], false, "logistics", Now)! };
        Assert.Equal(["TC-2", "TC-3"], take.MissingFrom(here, scans).Select(m => m.SerialNumber));

        take.Close(here, scans, [here[0], there[0]], "logistics", Now.AddHours(1));
        Assert.Equal((StockTakeState.Closed, (string?)null), (take.Status, take.OpenPlaceCode));
        Assert.Equal(["TC-2", "TC-3"], take.Missing.Select(m => m.SerialNumber));
        Assert.Equal(["TC-2", "TC-3"], take.MissingFrom([], scans).Select(m => m.SerialNumber));          // frozen: the register moving on changes nothing
        Assert.Equal((new DateOnly(2026, 3, 20), "WH-TUNIS"), (here[0].LastSeenOn!.Value, here[0].LastSeenPlace!));
        Assert.Equal((new DateOnly(2026, 3, 20), "WH-TUNIS"), (there[0].LastSeenOn!.Value, there[0].LastSeenPlace!));   // seen here
        Assert.Equal("WH-SFAX", there[0].WarehouseCode);                                                                 // not moved
        Assert.Null(here[1].LastSeenOn);
    }

    [Fact]
    public void A_closed_count_can_be_neither_scanned_into_nor_closed_again()
    {
        var take = StockTake.Open("WH-TUNIS", StockTakePlaceKind.Warehouse, "Tunis", "logistics", Now);
        take.Close([], [], [], "logistics", Now);
        Assert.Equal("Closed", Assert.Throws<StateConflictException>(() => take.Close([], [], [], "logistics", Now)).CurrentState);
        Assert.Equal("Closed", Assert.Throws<StateConflictException>(() => take.Scan("TC-1", null, false, "logistics", Now)).CurrentState);
    }

    [Fact]
    public void An_older_sighting_arriving_late_does_not_move_last_seen_back_and_a_disposed_asset_is_not_registered_anywhere()
    {
        var asset = Received("WH-TUNIS", "TC-1")[0];
        asset.Seen(new DateOnly(2026, 3, 20), "WH-TUNIS", "stock-take");
        asset.Seen(new DateOnly(2026, 3, 10), "TN-RAS-AJDIR", "verification");
        Assert.Equal((new DateOnly(2026, 3, 20), "WH-TUNIS"), (asset.LastSeenOn!.Value, asset.LastSeenPlace!));
        Assert.Equal(new DateOnly(2026, 3, 20), asset.LastSeenOrMovedOn);
        Assert.True(asset.IsRegisteredAt("WH-TUNIS"));
        asset.Dispose(DisposalKind.Lost, new DateOnly(2026, 3, 21), "Lost in transit", null, "logistics", Now);
        Assert.False(asset.IsRegisteredAt("WH-TUNIS"));
    }
}
