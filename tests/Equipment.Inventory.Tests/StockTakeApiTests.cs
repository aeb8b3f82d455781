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

/// <summary>A stock-take through the HTTP API: open, scan one serial at a time, results, close once, last seen, the event.</summary>
public class StockTakeApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private static string Code(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task<string> WarehouseAsync()
    {
        var code = Code("WH-");
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code, name = "Warehouse " + code, countryCode = "TN", address = "Charguia II, Tunis" }));
        return code;
    }

    /// <summary>Received assets in a new warehouse, on a contract of <paramref name="donor"/>'s: their ids and serials.</summary>
    private async Task<(string Warehouse, (Guid Id, string Serial)[] Assets)> ReceivedAsync(int count, string donor = "EU-DGNEAR", string? warehouse = null)
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", donor,
            FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2028, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)]) { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, donor,
            "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", count, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)]) { OccurredAt = DateTimeOffset.UtcNow }));
        var line = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}")))["items"]![0]!["id"]!.GetValue<Guid>();
        warehouse ??= await WarehouseAsync();
        var shipment = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = Code("WB-"), carrier = "DHL", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId = line, quantity = count } },
        })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsync($"/api/inventory/shipments/{shipment}/transit", null));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/arrival", new { arrivedOn = Today.AddDays(-1), warehouseCode = warehouse }));
        var serials = Enumerable.Range(0, count).Select(_ => Code("SN-")).ToArray();
        var note = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/receipts", new
        {
            receivedOn = Today,
            lines = new[] { new { contractLineNumber = 1, rejectedQuantity = 0, units = serials.Select(s => new { serialNumber = s, manufacturer = "Thermovision", model = "TV-MW640", visibilityMarking = true, visibilityEvidence = $"photo/{s}.jpg" }) } },
        }));
        return (warehouse, note["assets"]!.AsArray().Select(a => (a!["id"]!.GetValue<Guid>(), a["serialNumber"]!.GetValue<string>())).ToArray());
    }

    private async Task<Guid> OpenAsync(string place) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = place })))["id"]!.GetValue<Guid>();

    private Task<HttpResponseMessage> ScanAsync(Guid id, string serial) => _logistics.PostAsJsonAsync($"/api/inventory/stock-takes/{id}/scans", new { serialNumber = serial });

    private static string[] Serials(JsonNode group) => group.AsArray().Select(a => a!["serialNumber"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_count_shows_found_missing_elsewhere_and_unknown_warns_on_a_duplicate_and_closing_stamps_last_seen_and_publishes_once()
    {
        var (warehouse, here) = await ReceivedAsync(3);
        var (_, there) = await ReceivedAsync(1);
        var id = await OpenAsync(warehouse);

        var found = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ScanAsync(id, here[0].Serial));
        Assert.Equal(("Found", false), (found["result"]!.GetValue<string>(), found["duplicate"]!.GetValue<bool>()));
        Assert.Equal(1, found["tally"]!["found"]!.GetValue<int>());
        Assert.Equal(2, found["tally"]!["missing"]!.GetValue<int>());
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await ScanAsync(id, here[1].Serial));
        var elsewhere = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ScanAsync(id, there[0].Serial));
        Assert.Equal("Elsewhere", elsewhere["result"]!.GetValue<string>());
        Assert.NotEqual(warehouse, elsewhere["asset"]!["registeredLocation"]!.GetValue<string>());
        var unknown = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ScanAsync(id, "NOT-IN-REGISTER-1"));
        Assert.Equal(("Unknown", true), (unknown["result"]!.GetValue<string>(), unknown["asset"] is null));

        var duplicate = await HttpAssert.StatusAsync(HttpStatusCode.OK, await ScanAsync(id, " " + here[0].Serial + " "));
        Assert.Equal(("Found", true), (duplicate["result"]!.GetValue<string>(), duplicate["duplicate"]!.GetValue<bool>()));
        Assert.Contains("already scanned", duplicate["warning"]!.GetValue<string>());
        Assert.Equal(2, duplicate["tally"]!["found"]!.GetValue<int>());                                     // counted once

        var results = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/stock-takes/{id}/results"));
        Assert.Equal(new[] { here[0].Serial, here[1].Serial }.Order(StringComparer.Ordinal), Serials(results["found"]!));
        Assert.Equal([here[2].Serial], Serials(results["missing"]!));
        Assert.Equal([there[0].Serial], Serials(results["elsewhere"]!));
        Assert.Equal(["NOT-IN-REGISTER-1"], results["unknown"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(4, results["stockTake"]!["scanCount"]!.GetValue<int>());

        var closed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsync($"/api/inventory/stock-takes/{id}/closure", null));
        Assert.Equal("Closed", closed["stockTake"]!["status"]!.GetValue<string>());
        Assert.Equal([here[2].Serial], Serials(closed["missing"]!));
        var again = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsync($"/api/inventory/stock-takes/{id}/closure", null));
        Assert.Equal("Closed", again["currentState"]!.GetValue<string>());
        var late = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await ScanAsync(id, here[2].Serial));
        Assert.Equal("Closed", late["currentState"]!.GetValue<string>());

        foreach (var seen in new[] { here[0].Id, here[1].Id, there[0].Id })
        {
            var asset = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{seen}"));
            Assert.Equal((Today.ToString("yyyy-MM-dd"), warehouse), (asset["lastSeenOn"]!.GetValue<string>(), asset["lastSeenPlace"]!.GetValue<string>()));
        }
        var missing = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{here[2].Id}"));
        Assert.Null(missing["lastSeenOn"]);
        var elsewhereAsset = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{there[0].Id}"));
        Assert.NotEqual(warehouse, elsewhereAsset["warehouseCode"]!.GetValue<string>());                // seen here, still registered there

        var events = await factory.WithDbAsync<InventoryDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => m.Topic == StockTakeClosed.Topic && m.Payload.Contains(id.ToString())).Select(m => m.Payload).ToListAsync());
        var payload = JsonNode.Parse(Assert.Single(events))!;
        var assets = payload["assets"]!.AsArray().ToDictionary(a => a!["serialNumber"]!.GetValue<string>(), a => a!["result"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string> { [here[0].Serial] = "Found", [here[1].Serial] = "Found", [there[0].Serial] = "Elsewhere", [here[2].Serial] = "Missing" }, assets);

        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/stock-takes?placeCode={warehouse}&pageSize=1"));
        Assert.Equal((1, 1), (list["totalCount"]!.GetValue<int>(), list["items"]!.AsArray().Count));
        Assert.Equal((2, 1, 1, 1), (list["items"]![0]!["tally"]!["found"]!.GetValue<int>(), list["items"]![0]!["tally"]!["missing"]!.GetValue<int>(),
            list["items"]![0]!["tally"]!["elsewhere"]!.GetValue<int>(), list["items"]![0]!["tally"]!["unknown"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Two_counts_opened_at_once_for_one_place_one_is_created_and_the_other_refused_and_a_new_one_opens_after_closing()
    {
        var warehouse = await WarehouseAsync();
        var answers = await Race.RunAsync(factory.Gate, 2, _ => _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = warehouse }));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
        Race.AssertOneWinner(answers);
        var open = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = warehouse }));
        Assert.Equal("Open", open["currentState"]!.GetValue<string>());
        var id = JsonNode.Parse(answers.Single(a => a.Status == HttpStatusCode.Created).Body)!["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsync($"/api/inventory/stock-takes/{id}/closure", null));
        await OpenAsync(warehouse);
    }

    [Fact]
    public async Task A_crossing_point_agreed_in_a_grant_can_be_counted_an_unknown_place_is_refused_naming_the_field_and_only_staff_count()
    {
        await ReceivedAsync(1);                                                     // a grant agreeing TN-RAS-AJDIR
        var opened = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = "TN-RAS-AJDIR" }));
        Assert.Equal(("CrossingPoint", "Ras Ajdir"), (opened["placeKind"]!.GetValue<string>(), opened["placeName"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = "XX-NOWHERE" }), field: "placeCode");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = "" }), field: "placeCode");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await ScanAsync(opened["id"]!.GetValue<Guid>(), "   "), field: "serialNumber");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await ScanAsync(Guid.NewGuid(), "SN-1"));

        using var technician = factory.ClientAs(Roles.MaintenanceTechnician);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await technician.PostAsJsonAsync($"/api/inventory/stock-takes/{opened["id"]}/scans", new { serialNumber = Code("SN-") }));
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = "TN-RAS-AJDIR" }));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.GetAsync($"/api/inventory/stock-takes/{opened["id"]}/results"));
        using var admin = factory.ClientAs(Roles.Administrator);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await admin.GetAsync($"/api/inventory/stock-takes/{opened["id"]}/results"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await admin.PostAsync($"/api/inventory/stock-takes/{opened["id"]}/closure", null));
    }

    [Fact]
    public async Task A_verification_finding_stamps_last_seen_and_not_found_does_not()
    {
        var (_, assets) = await ReceivedAsync(2);
        var grantId = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{assets[0].Id}")))["grantId"]!.GetValue<Guid>();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(VerificationRecorded.Topic, new VerificationRecorded(Guid.NewGuid(), grantId, "TN-RAS-AJDIR", Today.AddDays(-1), "monitor",
            [new AssetFinding(assets[0].Id, Finding.Relocated, null),
             new AssetFinding(assets[1].Id, Finding.NotFound, null)]) { OccurredAt = DateTimeOffset.UtcNow }));
        var seen = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{assets[0].Id}"));
        Assert.Equal((Today.AddDays(-1).ToString("yyyy-MM-dd"), "TN-RAS-AJDIR"), (seen["lastSeenOn"]!.GetValue<string>(), seen["lastSeenPlace"]!.GetValue<string>()));
        Assert.Null((await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{assets[1].Id}")))["lastSeenOn"]);
    }
}
