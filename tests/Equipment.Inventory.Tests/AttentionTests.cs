using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

/// <summary><c>GET /api/inventory/attention</c>: a delivery one day overdue (not one due today), assets not seen for more than the configured days.</summary>
public class AttentionTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> SignedAsync(string donor, params DateOnly[] deadlines)
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", donor,
            FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2030, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)]) { OccurredAt = DateTimeOffset.UtcNow }));
        var contractId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-" + contractId.ToString("N")[..6], grantId, donor,
            "Thermovision GmbH", "DE", Today.AddDays(-90), "EUR",
            deadlines.Select((d, i) => new ContractLineSigned(i + 1, "ThermalCamera", "Thermal camera", 1, 42_500m, "TN-RAS-AJDIR", d, 24)).ToList()) { OccurredAt = DateTimeOffset.UtcNow }));
        return contractId;
    }

    private async Task<Dictionary<string, (string Kind, string Due)>> AttentionAsync(HttpClient client)
    {
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/api/inventory/attention?pageSize=200"));
        return page["items"]!.AsArray().ToDictionary(i => i!["entityId"]!.GetValue<string>(), i => (i!["kind"]!.GetValue<string>(), i["due"]!.GetValue<string>()));
    }

    private async Task<Guid> LineAsync(Guid contractId, int line) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}")))["items"]!.AsArray()
            .Single(d => d!["contractLineNumber"]!.GetValue<int>() == line)!["id"]!.GetValue<Guid>();

    [Fact]
    public async Task A_delivery_one_day_past_its_deadline_needs_attention_one_due_today_does_not_and_a_monitor_sees_its_donors_only()
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var contract = await SignedAsync(donor, Today.AddDays(-1), Today);
        var other = await SignedAsync("OTHER-" + donor, Today.AddDays(-5));
        var (late, dueToday) = (await LineAsync(contract, 1), await LineAsync(contract, 2));

        var items = await AttentionAsync(_logistics);
        Assert.Equal(("DeliveryOverdue", Today.AddDays(-1).ToString("yyyy-MM-dd")), items[late.ToString()]);
        Assert.False(items.ContainsKey(dueToday.ToString()));

        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor);
        var mine = await AttentionAsync(monitor);
        Assert.True(mine.ContainsKey(late.ToString()));
        Assert.False(mine.ContainsKey((await LineAsync(other, 1)).ToString()));
        using var technician = factory.ClientAs(Roles.MaintenanceTechnician);
        Assert.Equal(0, (await HttpAssert.StatusAsync(HttpStatusCode.OK, await technician.GetAsync("/api/inventory/attention")))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_asset_not_seen_for_more_than_180_days_needs_attention_and_a_verification_finding_it_takes_it_off()
    {
        var donor = "D-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var contract = await SignedAsync(donor, Today.AddDays(30));
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/warehouses", new { code = warehouse, name = "W", countryCode = "TN", address = "Tunis" }));
        var shipment = (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL", dispatchedOn = Today.AddDays(-3), estimatedArrival = Today,
            lines = new[] { new { expectedDeliveryId = await LineAsync(contract, 1), quantity = 1 } },
        })))["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/arrival", new { arrivedOn = Today, warehouseCode = warehouse }));
        var note = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipment}/receipts", new
        {
            receivedOn = Today,
            lines = new[] { new { contractLineNumber = 1, rejectedQuantity = 0, units = new[] { new { serialNumber = "NS-" + Guid.NewGuid().ToString("N")[..8], manufacturer = "T", model = "M", visibilityMarking = false } } } },
        }));
        var asset = note["assets"]![0]!["id"]!.GetValue<Guid>();
        var received = Today;

        factory.Clock.Advance(TimeSpan.FromDays(180));
        Assert.False((await AttentionAsync(_logistics)).ContainsKey(asset.ToString()));            // exactly 180 days: not yet
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(("AssetNotSeen", received.AddDays(180).ToString("yyyy-MM-dd")), (await AttentionAsync(_logistics))[asset.ToString()]);

        Assert.Equal("SUCCESS", await factory.DeliverAsync(VerificationRecorded.Topic, new VerificationRecorded(Guid.NewGuid(), Guid.NewGuid(), "TN-RAS-AJDIR", Today, "monitor",
            [new AssetFinding(asset, Finding.FoundAsExpected, null)]) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.False((await AttentionAsync(_logistics)).ContainsKey(asset.ToString()));
    }
}
