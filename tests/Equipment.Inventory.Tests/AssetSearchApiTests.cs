using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Domain;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary>The global search and the QR label through the HTTP API: one term, the assets it names, in one step.</summary>
public class AssetSearchApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
    private static string Code(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private sealed record Received(string GrantReference, string ContractReference, string TenderReference, string Waybill, string NoteNumber, (Guid Id, string Serial)[] Assets);

    /// <summary>Received assets on a contract signed under a tender (contract-signed v3 names the tender's reference).</summary>
    private async Task<Received> ReceivedAsync(int count, string donor = "EU-DGNEAR")
    {
        var grantId = Guid.NewGuid();
        var grantReference = "G-" + grantId.ToString("N")[..6].ToUpperInvariant();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, grantReference, "T", donor,
            FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2028, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)]) { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var contractId = Guid.NewGuid();
        var contractReference = Code("C-");
        var tenderReference = Code("EuropeAid/T-");
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, contractReference, grantId, donor,
            "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Long-range thermal camera", count, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24)])
            { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid(), TenderReference = tenderReference }));
        var line = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}")))["items"]![0]!["id"]!.GetValue<Guid>();
        var warehouse = Code("WH-");
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code = warehouse, name = "Warehouse " + warehouse, countryCode = "TN", address = "Charguia II, Tunis" }));
        var waybill = Code("WB-");
        var shipment = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = waybill, carrier = "DHL", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId = line, quantity = count } },
        })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/arrival", new { arrivedOn = Today.AddDays(-1), warehouseCode = warehouse }));
        var serials = Enumerable.Range(0, count).Select(_ => Code("SN-")).ToArray();
        var note = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/receipts", new
        {
            receivedOn = Today,
            lines = new[] { new { contractLineNumber = 1, rejectedQuantity = 0, units = serials.Select(s => new { serialNumber = s, manufacturer = "Thermovision", model = "TV-MW640", visibilityMarking = true, visibilityEvidence = $"photo/{s}.jpg" }) } },
        }));
        return new Received(grantReference, contractReference, tenderReference, waybill, note["number"]!.GetValue<string>(),
            note["assets"]!.AsArray().Select(a => (a!["id"]!.GetValue<Guid>(), a["serialNumber"]!.GetValue<string>())).ToArray());
    }

    private async Task<(string? MatchedBy, int Total, string Serials)> SearchAsync(HttpClient client, string q, string paging = "")
    {
        var found = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync($"/api/inventory/assets/search?q={Uri.EscapeDataString(q)}{paging}"));
        var assets = found["assets"]!;
        return (found["matchedBy"]?.GetValue<string>(), assets["totalCount"]!.GetValue<int>(),
            string.Join(",", assets["items"]!.AsArray().Select(a => a!["serialNumber"]!.GetValue<string>())));
    }

    [Fact]
    public async Task One_term_finds_the_asset_by_serial_label_or_id_and_its_siblings_by_shipment_note_contract_or_tender()
    {
        var received = await ReceivedAsync(3);
        var (id, serial) = received.Assets[1];
        var ordered = received.Assets.Select(a => a.Serial).Order(StringComparer.Ordinal).ToArray();
        var all = string.Join(",", ordered);

        Assert.Equal(("Serial", 1, serial), await SearchAsync(_logistics, serial));
        Assert.Equal(("Serial", 1, serial), await SearchAsync(_logistics, "  " + serial.ToLowerInvariant() + " "));     // as typed
        Assert.Equal(("Id", 1, serial), await SearchAsync(_logistics, $"https://equipment.example.org/assets/{id}"));    // a label, whoever printed it
        Assert.Equal(("Id", 1, serial), await SearchAsync(_logistics, id.ToString()));
        Assert.Equal(("Shipment", 3, all), await SearchAsync(_logistics, received.Waybill));
        Assert.Equal(("GoodsReceivedNote", 3, all), await SearchAsync(_logistics, received.NoteNumber));
        Assert.Equal(("Contract", 3, all), await SearchAsync(_logistics, received.ContractReference));
        Assert.Equal(("Tender", 3, all), await SearchAsync(_logistics, received.TenderReference));
        Assert.Equal(((string?)null, 0, ""), await SearchAsync(_logistics, "NO-SUCH-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(((string?)null, 0, ""), await SearchAsync(_logistics, $"https://equipment.example.org/assets/{Guid.NewGuid()}"));

        // Paged, by serial.
        var second = await SearchAsync(_logistics, received.ContractReference, "&page=2&pageSize=2");
        Assert.Equal(("Contract", 3, ordered[2]), second);
    }

    [Fact]
    public async Task A_monitor_finds_only_their_donors_assets_and_a_bad_term_or_page_is_a_problem_naming_it()
    {
        var received = await ReceivedAsync(1, donor: "EU-DGNEAR");
        using var euMonitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        using var italianMonitor = factory.ClientAs(Roles.DonorMonitor, "IT-MININT");
        Assert.Equal(1, (await SearchAsync(euMonitor, received.Assets[0].Serial)).Total);
        Assert.Equal(0, (await SearchAsync(italianMonitor, received.Assets[0].Serial)).Total);
        Assert.Equal(0, (await SearchAsync(italianMonitor, received.ContractReference)).Total);

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets/search"), field: "q");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets/search?q=%20%20"), field: "q");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync($"/api/inventory/assets/search?q={new string('x', 2001)}"), field: "q");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets/search?q=x&pageSize=500"), field: "pageSize");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets/search?q=x&page=0"), field: "page");
    }

    [Fact]
    public async Task The_label_names_the_asset_its_grant_and_contract_carries_the_eu_block_and_encodes_its_portal_address()
    {
        var received = await ReceivedAsync(1);
        var (id, serial) = received.Assets[0];
        var svg = await _logistics.GetStringAsync($"/api/inventory/assets/{id}/label.svg");
        Assert.Contains($">{serial}</text>", svg);
        Assert.Contains(">Long-range thermal camera</text>", svg);
        Assert.Contains(">Thermovision TV-MW640</text>", svg);
        Assert.Contains($">Grant {received.GrantReference}</text>", svg);
        Assert.Contains($">Contract {received.ContractReference}</text>", svg);
        Assert.Contains(">Funded by</text>", svg);
        Assert.Contains(">the European Union</text>", svg);
        Assert.Contains("fill=\"#003399\"", svg);
        Assert.Equal(12, Regex.Matches(svg, "<polygon fill=\"#FFCC00\"").Count);                           // twelve gold stars
        Assert.Contains($"<desc>Opens http://127.0.0.1:8080/assets/{id}</desc>", svg);                      // the default public address

        // A QR label scanned into a count counts its asset.
        var warehouse = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{id}")))["warehouseCode"]!.GetValue<string>();
        var take = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/stock-takes", new { placeCode = warehouse })))["id"]!.GetValue<Guid>();
        var scan = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync($"/api/inventory/stock-takes/{take}/scans",
            new { serialNumber = AssetAddress.Of("http://192.168.1.20:8080/", id) }));
        Assert.Equal((serial, "Found"), (scan["serialNumber"]!.GetValue<string>(), scan["result"]!.GetValue<string>()));
    }
}

/// <summary>The asset's address in the portal, as a QR label encodes it and a search or a count reads it back.</summary>
public class AssetAddressTests
{
    private static readonly Guid Id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    [Theory]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080/assets/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("https://equipment.example.org/portal", "https://equipment.example.org/portal/assets/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void The_address_is_the_public_base_then_assets_then_the_id(string publicBase, string expected) =>
        Assert.Equal(expected, AssetAddress.Of(publicBase, Id));

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData(" http://192.168.1.20:8080/assets/3f2504e0-4f89-11d3-9a0c-0305e82c3301 ")]
    [InlineData("https://equipment.example.org/portal/assets/3F2504E0-4F89-11D3-9A0C-0305E82C3301/?utm=x")]
    [InlineData("/logistics/assets/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public void An_id_or_an_address_ending_in_assets_and_the_id_names_the_asset(string text) => Assert.Equal(Id, AssetAddress.IdIn(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TV-MW640-0001")]
    [InlineData("http://127.0.0.1:8080/work-orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("http://127.0.0.1:8080/assets/not-an-id")]
    [InlineData("ftp://x/assets/3f2504e0-4f89-11d3-9a0c-0305e82c3301x")]
    public void Anything_else_names_none(string? text) => Assert.Null(AssetAddress.IdIn(text));
}
