using System.Net;
using Equipment.DonorReporting.Contracts.Api;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Inventory.Data;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

public partial class InventoryApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid GrantId, Guid ContractId)> SignedContractAsync(int quantity = 3, string donor = "EU-DGNEAR", string? eventId = null, Guid? contractId = null)
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-" + grantId.ToString("N")[..6], "T", donor, FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"],
            [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56) { Authority = "Garde nationale" },
             new CrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70)]) { OccurredAt = DateTimeOffset.UtcNow, ImplementingPartner = "ICMPD" }));
        var id = contractId ?? Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, Signed(id, grantId, quantity, donor), eventId));
        return (grantId, id);
    }

    [Fact]
    public async Task A_shipment_is_read_by_its_id_and_another_donors_is_not_found()
    {
        var (_, contractId) = await SignedContractAsync(donor: "EU-DGNEAR");
        var shipmentId = await ArrivedShipmentAsync(contractId, 2);
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/shipments/{shipmentId}"));
        Assert.Equal(("Arrived", 2), (shipment["status"]!.GetValue<string>(), shipment["lines"]![0]!["quantity"]!.GetValue<int>()));
        using var otherMonitor = factory.ClientAs(Roles.DonorMonitor, "IT-MININT");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/inventory/shipments/{shipmentId}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await _logistics.GetAsync($"/api/inventory/shipments/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task An_amended_grant_adds_its_crossing_point_an_early_amendment_waits_and_an_older_one_is_ignored()
    {
        var grantId = Guid.NewGuid();
        CrossingPoint Point(string code, string name) => new(code, name, "TN", "DZ", 35.1, 8.4);
        GrantAmended Amended(int version, params CrossingPoint[] points) => new(grantId, "G-AMEND", "EU-DGNEAR", version,
            new DateOnly(2025, 9, 1), "Rider", "T", 1_000_000m, "EUR", new DateOnly(2028, 1, 1), "ICMPD", points, [], []) { OccurredAt = DateTimeOffset.UtcNow };
        var rasAjdir = new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56);

        Assert.Equal("RETRY", await factory.DeliverAsync(GrantAmended.Topic, Amended(2, rasAjdir, Point("TN-BOUCHEBKA", "Bouchebka"))));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantRegistered.Topic, new GrantRegistered(grantId, "G-AMEND", "T", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, 1_000_000m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 1), ["TN"], [rasAjdir]) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantAmended.Topic, Amended(3, rasAjdir, Point("TN-BOUCHEBKA", "Bouchebka"), Point("TN-HAIDRA", "Haïdra"))));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(GrantAmended.Topic, Amended(2, rasAjdir, Point("TN-BOUCHEBKA", "Bouchebka"))));   // the late retry

        var known = await factory.WithDbAsync<InventoryDbContext, Domain.KnownGrant>(db => db.KnownGrants.SingleAsync(g => g.GrantId == grantId));
        Assert.Equal(3, known.Version);
        Assert.Equal(["TN-RAS-AJDIR", "TN-BOUCHEBKA", "TN-HAIDRA"], known.CrossingPoints.Select(p => p.Code));
    }

    private ContractSigned Signed(Guid contractId, Guid grantId, int quantity, string donor = "EU-DGNEAR") => new(contractId, "C-" + contractId.ToString("N")[..6], grantId, donor, "Thermovision GmbH", "DE", Today.AddDays(-20), "EUR",
        [
            new ContractLineSigned(1, "ThermalCamera", "Thermal camera", quantity, 42_500m, "TN-RAS-AJDIR", Today.AddDays(60), 24),
            new ContractLineSigned(2, "Radio", "TETRA radio", 10, 1_150m, "TN-DEHIBA-WAZIN", Today.AddDays(30), 12),
        ]) { OccurredAt = DateTimeOffset.UtcNow, TenderId = Guid.NewGuid() };

    private async Task<JsonArray> ExpectedAsync(Guid contractId) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/expected-deliveries?contractId={contractId}")))["items"]!.AsArray();

    private async Task<Guid> LineAsync(Guid contractId, int line) =>
        (await ExpectedAsync(contractId)).Single(d => d!["contractLineNumber"]!.GetValue<int>() == line)!["id"]!.GetValue<Guid>();

    private async Task<string> WarehouseAsync()
    {
        var code = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code, name = "ICMPD warehouse Tunis", countryCode = "TN", address = "Charguia II, Tunis" }));
        return code;
    }

    private async Task<Guid> ArrivedShipmentAsync(Guid contractId, int quantity, int line = 1)
    {
        var shipment = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL Global Forwarding", dispatchedOn = Today.AddDays(-6), estimatedArrival = Today.AddDays(-1),
            lines = new[] { new { expectedDeliveryId = await LineAsync(contractId, line), quantity } },
        }));
        var id = shipment["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsync($"/api/inventory/shipments/{id}/transit", null));
        var arrived = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{id}/arrival",
            new { arrivedOn = Today.AddDays(-1), warehouseCode = await WarehouseAsync() }));
        Assert.Equal("Arrived", arrived["status"]!.GetValue<string>());
        return id;
    }

    private static string Serial() => "SN-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private Task<HttpResponseMessage> ReceiveAsync(Guid shipmentId, string[] serials, int rejected = 0, string model = "TV-MW640", int line = 1) =>
        _logistics.PostAsJsonAsync($"/api/inventory/shipments/{shipmentId}/receipts", new
        {
            receivedOn = Today,
            lines = new[]
            {
                new
                {
                    contractLineNumber = line, rejectedQuantity = rejected, rejectionReason = rejected > 0 ? "Cracked lens" : null,
                    units = serials.Select(s => new { serialNumber = s, manufacturer = "Thermovision", model, visibilityMarking = true, visibilityEvidence = $"photo/{s}.jpg" }),
                },
            },
        });

    private async Task<Guid[]> ReceivedAssetsAsync(Guid contractId, int count)
    {
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, count), Enumerable.Range(0, count).Select(_ => Serial()).ToArray()));
        return receipt["assets"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToArray();
    }

    private async Task<JsonNode> HandOverAsync(params Guid[] assetIds) =>
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/handovers", new
        {
            handedOverOn = Today, place = "Tunis", from = new { name = "Sophie Laurent", role = "ICMPD project manager" },
            toAuthority = "Garde nationale (Tunisia)", to = new { name = "Col. Mohamed Ben Salah", role = "Director of border equipment" }, assetIds,
        }));

    private Task<int> EventsAsync(string topic, Guid id) => factory.WithDbAsync<InventoryDbContext, int>(db =>
        db.OutboxMessages.CountAsync(m => m.Topic == topic && m.Payload.Contains(id.ToString())));

    [Fact]
    public async Task Receipts_and_handovers_recorded_at_the_same_moment_all_succeed_with_numbers_of_their_own()
    {
        // Found by the kill suite: the year's count + 1 was read by both and the second insert failed on the unique number (500).
        var (_, contractId) = await SignedContractAsync(quantity: 8);
        var shipments = new List<Guid>();
        for (var i = 0; i < 4; i++) shipments.Add(await ArrivedShipmentAsync(contractId, 2));
        var receipts = await Task.WhenAll(shipments.Select(s => ReceiveAsync(s, [Serial(), Serial()])));
        var notes = new List<JsonNode>();
        foreach (var receipt in receipts) notes.Add(await HttpAssert.StatusAsync(HttpStatusCode.Created, receipt));
        Assert.Equal(4, notes.Select(n => n["number"]!.GetValue<string>()).Distinct().Count());

        var handovers = await Task.WhenAll(notes.Select(n => HandOverAsync(n["assets"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToArray())));
        Assert.Equal(4, handovers.Select(h => h["number"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Without_a_token_401_and_with_a_role_that_has_no_business_here_403()
    {
        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/inventory/assets"));
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync("/api/inventory/assets"));
        using var technician = factory.ClientAs(Roles.MaintenanceTechnician);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await technician.GetAsync("/api/inventory/assets"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await technician.PostAsJsonAsync($"/api/inventory/assets/{Guid.NewGuid()}/deployment", new { crossingPointCode = "X", deployedOn = "2025-01-01" }));
    }

    [Fact]
    public async Task The_chain_from_the_contract_event_to_deployment_transfer_and_theft_with_one_event_and_one_custody_entry_per_movement()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 3);
        var assets = await ReceivedAssetsAsync(contractId, 2);
        var assetId = assets[0];
        Assert.Equal(2, (await ExpectedAsync(contractId)).Single(d => d!["contractLineNumber"]!.GetValue<int>() == 1)!["quantityAccepted"]!.GetValue<int>());
        Assert.Equal(1, await EventsAsync(AssetRegistered.Topic, assetId));

        var premature = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }));
        Assert.Equal("Received", premature["currentState"]!.GetValue<string>());

        var certificate = await HandOverAsync(assets);
        Assert.StartsWith("HC-", certificate["number"]!.GetValue<string>());
        var page = await _logistics.GetAsync($"/api/inventory/handovers/{certificate["id"]}/certificate.html");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Col. Mohamed Ben Salah", await page.Content.ReadAsStringAsync());
        var french = await _logistics.GetStringAsync($"/api/inventory/handovers/{certificate["id"]}/certificate.html?lang=fr");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", french);
        Assert.Contains("Procès-verbal de remise", french);
        Assert.Contains("financé par l'Union européenne", french);
        var arabic = await _logistics.GetStringAsync($"/api/inventory/handovers/{certificate["id"]}/certificate.html?lang=ar");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("محضر تسليم", arabic);
        Assert.Contains("Col. Mohamed Ben Salah", arabic);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync($"/api/inventory/handovers/{certificate["id"]}/certificate.html?lang=xx"), field: "lang");

        var outside = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "EG-SALLOUM", deployedOn = Today }));
        Assert.Contains("TN-RAS-AJDIR", outside["detail"]!.GetValue<string>());
        Assert.Contains("TN-DEHIBA-WAZIN", outside["detail"]!.GetValue<string>());

        var deployed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }));
        Assert.Equal(("Deployed", "Garde nationale (Tunisia)"), (deployed["status"]!.GetValue<string>(), deployed["owner"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/transfer",
            new { toCrossingPointCode = "TN-DEHIBA-WAZIN", transferredOn = Today, reason = "" }), field: "reason");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/transfer",
            new { toCrossingPointCode = "TN-DEHIBA-WAZIN", transferredOn = Today, reason = "Night patrols reinforced" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/disposal",
            new { kind = "Stolen", on = Today, reason = "Stolen from a patrol vehicle", evidenceReference = "Police report 1147" }));

        foreach (var topic in new[] { AssetsHandedOver.Topic, AssetDeployed.Topic, AssetTransferred.Topic, AssetDisposed.Topic })
            Assert.Equal(1, await EventsAsync(topic, assetId));
        var custody = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{assetId}/custody"));
        Assert.Equal(["Received", "HandedOver", "Deployed", "Transferred", "Stolen"], custody.AsArray().Select(c => c!["action"]!.GetValue<string>()));
        Assert.Equal("Night patrols reinforced", custody[3]!["why"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> DispatchAsync(Guid lineId, DateOnly dispatchedOn) => _logistics.PostAsJsonAsync("/api/inventory/shipments", new
    {
        waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL Global Forwarding", dispatchedOn, estimatedArrival = Today,
        lines = new[] { new { expectedDeliveryId = lineId, quantity = 1 } },
    });

    [Fact]
    public async Task A_dispatch_a_day_before_the_contracts_signature_is_refused_naming_both_dates_and_on_the_day_is_accepted()
    {
        var (_, contractId) = await SignedContractAsync();
        var signedOn = Today.AddDays(-20);                                          // what contract-signed carried
        var line = await LineAsync(contractId, 1);
        var early = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await DispatchAsync(line, signedOn.AddDays(-1)), field: "dispatchedOn");
        Assert.Equal("NotBeforeContractSignature", early["violations"]![0]!["rule"]!.GetValue<string>());
        var message = early["violations"]![0]!["message"]!.GetValue<string>();
        Assert.Contains(signedOn.ToString("yyyy-MM-dd"), message);
        Assert.Contains(signedOn.AddDays(-1).ToString("yyyy-MM-dd"), message);
        Assert.Equal(0, (await ExpectedAsync(contractId)).Single(d => d!["contractLineNumber"]!.GetValue<int>() == 1)!["quantityShipped"]!.GetValue<int>());

        var onTheDay = await HttpAssert.StatusAsync(HttpStatusCode.Created, await DispatchAsync(line, signedOn));
        var arrivedEarly = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/shipments/{onTheDay["id"]}/arrival",
            new { arrivedOn = signedOn.AddDays(-1), warehouseCode = await WarehouseAsync() }), field: "arrivedOn");
        Assert.Contains(signedOn.ToString("yyyy-MM-dd"), arrivedEarly["violations"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_handover_before_acceptance_and_no_deployment_before_handover()
    {
        var (_, contractId) = await SignedContractAsync();
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [Serial()]));
        var assetId = receipt["assets"]![0]!["id"]!.GetValue<Guid>();
        var noteId = receipt["id"]!.GetValue<Guid>();
        factory.Clock.Advance(TimeSpan.FromDays(2));                                // received two days ago, accepted today
        try
        {
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
            var handover = new
            {
                handedOverOn = Today.AddDays(-1), place = "Tunis", from = new { name = "Sophie Laurent", role = "ICMPD project manager" },
                toAuthority = "Garde nationale (Tunisia)", to = new { name = "Col. Mohamed Ben Salah", role = "Director" }, assetIds = new[] { assetId },
            };
            var early = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync("/api/inventory/handovers", handover), field: "handedOverOn");
            Assert.Equal("NotBeforeAcceptance", early["violations"]![0]!["rule"]!.GetValue<string>());
            Assert.Contains(Today.ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
            Assert.Contains(Today.AddDays(-1).ToString("yyyy-MM-dd"), early["violations"]![0]!["message"]!.GetValue<string>());
            await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsJsonAsync("/api/inventory/handovers", handover with { handedOverOn = Today }));

            var beforeHandover = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
                new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today.AddDays(-1) }), field: "deployedOn");
            Assert.Equal("NotBeforeHandover", beforeHandover["violations"]![0]!["rule"]!.GetValue<string>());
            Assert.Contains(Today.ToString("yyyy-MM-dd"), beforeHandover["violations"]![0]!["message"]!.GetValue<string>());
            await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
                new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-2));
        }
    }

    [Fact]
    public async Task A_deployment_away_from_the_lines_destination_needs_a_reason_and_is_marked_in_passport_custody_and_event()
    {
        var (_, contractId) = await SignedContractAsync();
        var assets = await ReceivedAssetsAsync(contractId, 2);
        await HandOverAsync(assets);
        var camera = assets[0];                                                      // line 1 goes to Ras Ajdir

        var without = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{camera}/deployment",
            new { crossingPointCode = "TN-DEHIBA-WAZIN", deployedOn = Today }), field: "deviationReason");
        Assert.Equal("ReasonForDeviation", without["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(0, await EventsAsync(AssetDeployed.Topic, camera));

        var deployed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{camera}/deployment",
            new { crossingPointCode = "TN-DEHIBA-WAZIN", deployedOn = Today, deviationReason = "The Ras Ajdir tower is not built yet" }));
        Assert.Equal(("TN-DEHIBA-WAZIN", "TN-RAS-AJDIR", "The Ras Ajdir tower is not built yet"), (deployed["crossingPointCode"]!.GetValue<string>(),
            deployed["destinationCrossingPointCode"]!.GetValue<string>(), deployed["deploymentDeviationReason"]!.GetValue<string>()));

        var custody = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{camera}/custody"));
        Assert.Contains("deviation", custody.AsArray().Single(c => c!["action"]!.GetValue<string>() == "Deployed")!["why"]!.GetValue<string>());
        var passport = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{camera}/passport"));
        var mark = passport["timeline"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "Deviation")!["detail"]!.GetValue<string>();
        Assert.Contains("TN-RAS-AJDIR", mark);
        Assert.Contains("not built yet", mark);

        var published = await factory.WithDbAsync<InventoryDbContext, string>(db =>
            db.OutboxMessages.Where(m => m.Topic == AssetDeployed.Topic && m.Payload.Contains(camera.ToString())).Select(m => m.Payload).SingleAsync());
        var e = System.Text.Json.JsonSerializer.Deserialize<AssetDeployed>(published, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal(("TN-RAS-AJDIR", "The Ras Ajdir tower is not built yet"), (e.DestinationCrossingPointCode, e.DeviationReason));

        var onTarget = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assets[1]}/deployment",
            new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today }));
        Assert.Null(onTarget["deploymentDeviationReason"]);
    }

    [Fact]
    public async Task The_custody_log_is_append_only()
    {
        var (_, contractId) = await SignedContractAsync();
        var assetId = (await ReceivedAssetsAsync(contractId, 1))[0];
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync<InventoryDbContext, int>(async db =>
        {
            var entry = await db.CustodyLog.FirstAsync(c => c.AssetId == assetId);
            db.CustodyLog.Remove(entry);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", e.Message);
    }

    [Fact]
    public async Task A_complete_passport_tells_the_assets_story_including_what_maintenance_and_the_monitors_reported()
    {
        var (_, contractId) = await SignedContractAsync();
        var assetId = (await ReceivedAssetsAsync(contractId, 1))[0];
        await HandOverAsync(assetId);
        await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment", new { crossingPointCode = "TN-RAS-AJDIR", deployedOn = Today });
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetStatusChanged.Topic,
            new AssetStatusChanged(assetId, OperationalStatus.OutOfService, DateTimeOffset.UtcNow, "Cooler failure") { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(VerificationRecorded.Topic, new VerificationRecorded(
            Guid.NewGuid(), Guid.NewGuid(), "TN-RAS-AJDIR", Today, "monitor", [new AssetFinding(assetId, Finding.FoundAsExpected, "EU marking visible")]) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("DROP", await factory.DeliverAsync(AssetStatusChanged.Topic,
            new AssetStatusChanged(Guid.NewGuid(), OperationalStatus.OutOfService, DateTimeOffset.UtcNow, null) { OccurredAt = DateTimeOffset.UtcNow }));

        var passport = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{assetId}/passport"));
        Assert.NotNull(passport["tenderId"]);
        var kinds = passport["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["ContractSigned", "Dispatched", "Arrived", "Received", "HandedOver", "Deployed", "VerificationFinding", "StatusChanged"], kinds);
    }

    [Fact]
    public async Task Duplicate_serials_and_over_delivery_are_refused_and_nothing_is_written()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 3);
        var taken = Serial();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [taken]));

        var duplicate = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [taken]));
        Assert.Equal("UniqueSerialNumber", duplicate["rule"]!.GetValue<string>());
        var otherModel = await ArrivedShipmentAsync(contractId, 1);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(otherModel, [taken], model: "TV-LW320"));   // same serial, another model: fine

        var overDelivery = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync("/api/inventory/shipments", new
        {
            waybillNumber = "WB-" + Guid.NewGuid().ToString("N")[..8], carrier = "DHL", dispatchedOn = Today, estimatedArrival = Today,
            lines = new[] { new { expectedDeliveryId = await LineAsync(contractId, 1), quantity = 2 } },
        }));
        Assert.Equal("NotMoreThanContracted", overDelivery["rule"]!.GetValue<string>());

        var (_, second) = await SignedContractAsync(quantity: 3);
        var shipment = await ArrivedShipmentAsync(second, 2);
        var tooMany = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await ReceiveAsync(shipment, [Serial(), Serial()], rejected: 1));
        Assert.Equal("NoOverDelivery", tooMany["rule"]!.GetValue<string>());
        Assert.Equal(0, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Assets.CountAsync(a => a.ContractId == second)));
    }

    [Fact]
    public async Task A_bulk_import_is_all_or_nothing_with_a_row_level_error_report()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 4);
        var shipment = await ArrivedShipmentAsync(contractId, 4);
        var header = "contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n";
        var bad = header + "1,IMP-1,Thermovision,TV-MW640,true,photo1.jpg\n1,IMP-2,Thermovision,,true,photo2.jpg\nx,IMP-3,Thermovision,TV-MW640,maybe,\n1,IMP-1,Thermovision,TV-MW640,false,\n";

        var failed = await ImportAsync(shipment, bad);
        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        var errors = failed["errors"]!.AsArray().Select(e => (e!["line"]!.GetValue<int>(), e["field"]!.GetValue<string>())).ToList();
        Assert.Contains((3, "model"), errors);
        Assert.Contains((4, "contractLineNumber"), errors);
        Assert.Contains((4, "visibilityMarking"), errors);
        Assert.Contains((5, "serialNumber"), errors);
        Assert.Equal(0, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Assets.CountAsync(a => a.ContractId == contractId)));

        var good = header + string.Concat(Enumerable.Range(1, 4).Select(i => $"1,IMP-{contractId:N}-{i},Thermovision,TV-MW640,true,\"photo {i}, front.jpg\"\n"));
        var done = await ImportAsync(shipment, good);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal((4, 4), (done["totalRows"]!.GetValue<int>(), done["processedRows"]!.GetValue<int>()));
        Assert.Equal(4, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Assets.CountAsync(a => a.ContractId == contractId)));
    }

    [Fact]
    public async Task A_bulk_import_holding_a_control_character_is_refused_before_it_is_queued()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 1);
        var shipment = await ArrivedShipmentAsync(contractId, 1);
        var before = await factory.WithDbAsync<InventoryDbContext, int>(db => db.ImportJobs.CountAsync());
        var csv = "contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n1,IMP-\u0000-1,Thermovision,TV-MW640,false,\n";
        var refused = await _logistics.PostAsync($"/api/inventory/shipments/{shipment}/receipts/import?receivedOn={Today:yyyy-MM-dd}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, refused, field: "body");
        Assert.Equal("NoControlCharacters", problem["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains("Line 2", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await factory.WithDbAsync<InventoryDbContext, int>(db => db.ImportJobs.CountAsync()));
    }

    private async Task<JsonNode> ImportAsync(Guid shipmentId, string csv)
    {
        var accepted = await _logistics.PostAsync($"/api/inventory/shipments/{shipmentId}/receipts/import?receivedOn={Today:yyyy-MM-dd}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var job = await HttpAssert.StatusAsync(HttpStatusCode.Accepted, accepted);
        return await Equipment.ApiClient.Poll.UntilAsync(
            async () => await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/imports/{job["id"]}")),
            j => j["status"]!.GetValue<string>() is "Completed" or "Failed", TimeSpan.FromSeconds(20), "the import to finish");
    }

    [Fact]
    public async Task Acceptance_is_recorded_once_and_refused_after_it_was_deemed()
    {
        var (_, contractId) = await SignedContractAsync(quantity: 2);
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [Serial()]));
        var noteId = receipt["id"]!.GetValue<Guid>();
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
        var asset = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets/{receipt["assets"]![0]!["id"]}"));
        Assert.Equal(Today.AddMonths(24).ToString("yyyy-MM-dd"), asset["warrantyEndsOn"]!.GetValue<string>());

        var late = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [Serial()]));
        factory.Clock.Advance(TimeSpan.FromDays(30));
        try
        {
            var deemed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict,
                await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{late["id"]}/acceptance", new { acceptedOn = Today }));
            Assert.Equal("DeemedAcceptance", deemed["rule"]!.GetValue<string>());
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-30));
        }
    }

    [Fact]
    public async Task The_register_filters_sorts_exports_and_labels()
    {
        var (grantId, contractId) = await SignedContractAsync(quantity: 3);
        await ReceivedAssetsAsync(contractId, 3);
        var sorted = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets?grantId={grantId}&sort=-serialNumber&pageSize=2"));
        Assert.Equal(3, sorted["totalCount"]!.GetValue<int>());
        var serials = sorted["items"]!.AsArray().Select(a => a!["serialNumber"]!.GetValue<string>()).ToList();
        Assert.Equal(serials.OrderDescending(), serials);
        var bySerial = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets?serial={serials[0][3..9]}&status=Received"));
        Assert.Contains(bySerial["items"]!.AsArray(), a => a!["serialNumber"]!.GetValue<string>() == serials[0]);
        var typedInLowerCase = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/assets?grantId={grantId}&serial={serials[0].ToLowerInvariant()}"));
        Assert.Equal(serials[0], Assert.Single(typedInLowerCase["items"]!.AsArray())!["serialNumber"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets?sort=colour"), field: "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.GetAsync("/api/inventory/assets?status=Melted"));

        var csv = await _logistics.GetAsync($"/api/inventory/assets/export.csv?grantId={grantId}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("serialNumber,manufacturer,model", rows[0]);

        var svg = await _logistics.GetAsync($"/api/inventory/assets/{sorted["items"]![0]!["id"]}/label.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        var png = await _logistics.GetByteArrayAsync($"/api/inventory/assets/{sorted["items"]![0]!["id"]}/label.png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Fact]
    public async Task A_signed_contract_becomes_one_expected_delivery_per_line_and_the_same_cloud_event_twice_changes_it_once()
    {
        var eventId = Guid.NewGuid().ToString();
        var (grantId, contractId) = await SignedContractAsync(quantity: 4, eventId: eventId);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractSigned.Topic, Signed(contractId, grantId, 4), eventId));
        var expected = await ExpectedAsync(contractId);
        Assert.Equal(2, expected.Count);
        Assert.Equal(4, expected.Single(d => d!["itemCategory"]!.GetValue<string>() == "ThermalCamera")!["quantityOutstanding"]!.GetValue<int>());
        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == eventId)));
    }

    [Fact]
    public async Task An_amendment_changes_what_is_expected_and_one_that_overtakes_the_signature_is_retried()
    {
        var contractId = Guid.NewGuid();
        ContractAmended Amendment(int version, int quantity) => new(contractId, "C-AMEND", Guid.NewGuid(), "EU-DGNEAR",
            version, Today, "More units", [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", quantity, 42_500m, "TN-RAS-AJDIR", Today.AddDays(90), 24)]) { OccurredAt = DateTimeOffset.UtcNow };

        Assert.Equal("RETRY", await factory.DeliverAsync(ContractAmended.Topic, Amendment(2, 5)));
        await SignedContractAsync(quantity: 3, contractId: contractId);
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractAmended.Topic, Amendment(3, 6)));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ContractAmended.Topic, Amendment(2, 5)));   // older, arriving late: ignored

        var cameras = (await ExpectedAsync(contractId)).Single(d => d!["contractLineNumber"]!.GetValue<int>() == 1)!;
        Assert.Equal(6, cameras["quantityExpected"]!.GetValue<int>());
        Assert.Equal(Today.AddDays(90).ToString("yyyy-MM-dd"), cameras["deliveryDeadline"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_monitor_sees_its_own_donors_assets_only()
    {
        var (ownGrant, ownContract) = await SignedContractAsync(donor: "EU-DGNEAR");
        var (_, otherContract) = await SignedContractAsync(donor: "IT-MININT");
        var ownAsset = (await ReceivedAssetsAsync(ownContract, 1))[0];
        var otherAsset = (await ReceivedAssetsAsync(otherContract, 1))[0];

        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/inventory/assets/{ownAsset}/passport"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/inventory/assets/{otherAsset}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/inventory/assets/{otherAsset}/passport"));
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/inventory/assets?pageSize=200"));
        Assert.All(list["items"]!.AsArray(), a => Assert.Equal("EU-DGNEAR", a!["donorCode"]!.GetValue<string>()));
        Assert.Contains(list["items"]!.AsArray(), a => a!["grantId"]!.GetValue<Guid>() == ownGrant);
    }
}
