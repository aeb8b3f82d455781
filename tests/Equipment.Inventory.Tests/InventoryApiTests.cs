using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

public class InventoryApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<(Guid GrantId, Guid ContractId)> SignedContractAsync(int quantity = 3, string donor = "EU-DGNEAR", string? eventId = null, Guid? contractId = null)
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReportingTopics.GrantRegistered, new GrantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, grantId, "G-" + grantId.ToString("N")[..6], "T", donor, "NdiciGlobalEurope", 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"],
            [new AgreedCrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56), new AgreedCrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70)])));
        var id = contractId ?? Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ProcurementTopics.ContractSigned, Signed(id, grantId, quantity, donor), eventId));
        return (grantId, id);
    }

    private static ContractSigned Signed(Guid contractId, Guid grantId, int quantity, string donor = "EU-DGNEAR") => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, contractId, "C-" + contractId.ToString("N")[..6], grantId, donor, "Thermovision GmbH", "DE", Today, "EUR",
        [
            new ContractLineSigned(1, "ThermalCamera", "Thermal camera", quantity, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24),
            new ContractLineSigned(2, "Radio", "TETRA radio", 10, 1_150m, "TN-DEHIBA-WAZIN", Today.AddDays(30), 12),
        ]);

    private async Task<JsonArray> ExpectedAsync(Guid contractId) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}")))["items"]!.AsArray();

    private static string Serial() => "SN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<JsonNode> ReceiveAsync(Guid expectedDeliveryId, string[] serials, int rejected = 0, string? reason = null) =>
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync(
            $"/api/inventory/expected-deliveries/{expectedDeliveryId}/receipts",
            new { receivedOn = Today.ToString("yyyy-MM-dd"), serialNumbers = serials, rejectedQuantity = rejected, rejectionReason = reason }));

    [Fact]
    public async Task Without_a_token_401_and_with_the_wrong_role_403()
    {
        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/inventory/assets"));
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync("/api/inventory/expected-deliveries"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.PostAsJsonAsync($"/api/inventory/assets/{Guid.NewGuid()}/deployment", new { crossingPointCode = "X", deployedOn = "2025-01-01" }));
    }

    [Fact]
    public async Task A_signed_contract_becomes_one_expected_delivery_per_line()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 4);
        var expected = await ExpectedAsync(contractId);
        Assert.Equal(2, expected.Count);
        var cameras = expected.Single(d => d!["itemCategory"]!.GetValue<string>() == "ThermalCamera")!;
        Assert.Equal(4, cameras["quantityOutstanding"]!.GetValue<int>());
        Assert.Equal("TN-RAS-AJDIR", cameras["destinationCrossingPointCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_cloud_event_delivered_twice_changes_inventory_once()
    {
        var eventId = Guid.NewGuid().ToString();
        var (grantId, contractId) = await SignedContractAsync(eventId: eventId);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ProcurementTopics.ContractSigned, Signed(contractId, grantId, 3), eventId));
        Assert.Equal(2, (await ExpectedAsync(contractId)).Count);
        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == eventId)));
    }

    [Fact]
    public async Task Receiving_registers_assets_and_publishes_their_events_together()
    {
        var (grantId, contractId) = await SignedContractAsync();
        var cameras = (await ExpectedAsync(contractId)).Single(d => d!["itemCategory"]!.GetValue<string>() == "ThermalCamera")!;
        var serials = new[] { Serial(), Serial() };

        var receipt = await ReceiveAsync(cameras["id"]!.GetValue<Guid>(), serials, rejected: 1, reason: "Cracked lens");
        Assert.Equal(2, receipt["acceptedQuantity"]!.GetValue<int>());
        Assert.Equal(1, receipt["quantityOutstanding"]!.GetValue<int>());   // the rejected unit is still owed by the supplier

        var assets = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets?grantId={grantId}"));
        Assert.Equal(serials.Order(), assets["items"]!.AsArray().Select(a => a!["serialNumber"]!.GetValue<string>()).Order());

        var topics = await factory.WithDbAsync<InventoryDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => m.Payload.Contains(contractId.ToString())).Select(m => m.Topic).ToListAsync());
        Assert.Equal(2, topics.Count(t => t == InventoryTopics.AssetRegistered));
        Assert.Equal(1, topics.Count(t => t == InventoryTopics.DeliveryReceived));
    }

    [Fact]
    public async Task Over_receipt_and_duplicate_serials_are_conflicts_and_write_nothing()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 2);
        var cameras = (await ExpectedAsync(contractId)).Single(d => d!["itemCategory"]!.GetValue<string>() == "ThermalCamera")!["id"]!.GetValue<Guid>();
        var taken = Serial();
        await ReceiveAsync(cameras, [taken]);

        var body = new { receivedOn = Today.ToString("yyyy-MM-dd"), serialNumbers = new[] { Serial(), Serial() } };
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/expected-deliveries/{cameras}/receipts", body));
        Assert.Contains("1 of 2", problem["detail"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/expected-deliveries/{cameras}/receipts",
            new { receivedOn = Today.ToString("yyyy-MM-dd"), serialNumbers = new[] { taken } }));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/expected-deliveries/{cameras}/receipts",
            new { receivedOn = Today.ToString("yyyy-MM-dd"), serialNumbers = new[] { Serial() }, rejectedQuantity = 1 }), field: "rejectionReason");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await _logistics.PostAsJsonAsync($"/api/inventory/expected-deliveries/{Guid.NewGuid()}/receipts", body));

        var stored = await factory.WithDbAsync<InventoryDbContext, int>(db => db.Assets.CountAsync(a => a.ContractId == contractId));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Deploying_at_an_agreed_crossing_point_publishes_the_deployment_and_a_second_deployment_is_409()
    {
        var (_, contractId) = await SignedContractAsync();
        var cameras = (await ExpectedAsync(contractId)).Single(d => d!["itemCategory"]!.GetValue<string>() == "ThermalCamera")!["id"]!.GetValue<Guid>();
        var assetId = (await ReceiveAsync(cameras, [Serial()]))["assets"]![0]!["id"]!.GetValue<Guid>();

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "EG-SALLOUM", deployedOn = Today.ToString("yyyy-MM-dd") }), field: "crossingPointCode");

        var deployed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today.ToString("yyyy-MM-dd") }));
        Assert.Equal("Deployed", deployed["status"]!.GetValue<string>());

        var conflict = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "TN-DEHIBA-WAZIN", deployedOn = Today.ToString("yyyy-MM-dd") }));
        Assert.Equal("Deployed", conflict["currentState"]!.GetValue<string>());

        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == InventoryTopics.AssetDeployed && m.Payload.Contains(assetId.ToString()))));
    }

    [Fact]
    public async Task A_monitor_sees_its_own_donors_assets_only()
    {
        var (ownGrant, ownContract) = await SignedContractAsync(donor: "EU-DGNEAR");
        var (_, otherContract) = await SignedContractAsync(donor: "IT-MININT");
        var ownAsset = (await ReceiveAsync((await ExpectedAsync(ownContract))[0]!["id"]!.GetValue<Guid>(), [Serial()]))["assets"]![0]!["id"]!.GetValue<Guid>();
        var otherAsset = (await ReceiveAsync((await ExpectedAsync(otherContract))[0]!["id"]!.GetValue<Guid>(), [Serial()]))["assets"]![0]!["id"]!.GetValue<Guid>();

        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/inventory/assets/{ownAsset}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/inventory/assets/{otherAsset}"));
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/inventory/assets?pageSize=200"));
        Assert.All(list["items"]!.AsArray(), a => Assert.Equal("EU-DGNEAR", a!["donorCode"]!.GetValue<string>()));
        Assert.Contains(list["items"]!.AsArray(), a => a!["grantId"]!.GetValue<Guid>() == ownGrant);
    }

    [Fact]
    public async Task An_amendment_changes_what_is_expected_and_one_that_overtakes_the_signature_is_retried()
    {
        var grantId = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        ContractAmended Amendment(int version, int quantity) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, contractId, "C-AMEND", grantId, "EU-DGNEAR",
            version, Today, "More units", [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", quantity, 42_500m, "TN-RAS-AJDIR", Today.AddDays(90), 24)]);

        Assert.Equal("RETRY", await factory.DeliverAsync(ProcurementTopics.ContractAmended, Amendment(2, 5)));
        await SignedContractAsync(quantity: 3, contractId: contractId);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ProcurementTopics.ContractAmended, Amendment(3, 6)));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ProcurementTopics.ContractAmended, Amendment(2, 5)));   // older, arriving late: ignored

        var cameras = (await ExpectedAsync(contractId)).Single(d => d!["contractLineNumber"]!.GetValue<int>() == 1)!;
        Assert.Equal(6, cameras["quantityExpected"]!.GetValue<int>());
        Assert.Equal(Today.AddDays(90).ToString("yyyy-MM-dd"), cameras["deliveryDeadline"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_bad_request_not_a_failure()
    {
        var response = await _logistics.GetAsync("/api/inventory/assets?status=Melted");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response);
    }
}
