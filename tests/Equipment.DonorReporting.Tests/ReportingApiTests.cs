using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.Inventory.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

public class ReportingApiTests : IClassFixture<ServiceFactory<Program>>
{
    private readonly ServiceFactory<Program> _factory;
    private readonly HttpClient _admin;

    public ReportingApiTests(ServiceFactory<Program> factory)
    {
        _factory = factory;
        _admin = factory.ClientAs(Roles.Administrator);
    }

    private static object GrantBody(string reference, string donor, string countryCode = "TN") => new
    {
        reference,
        title = "Support to Integrated Border Management in North Africa",
        donorCode = donor,
        instrument = "NdiciGlobalEurope",
        implementingPartner = "ICMPD",
        amount = 4_000_000,
        startDate = "2024-01-01",
        endDate = "2026-12-31",
        beneficiaryCountries = new[] { "TN" },
        crossingPoints = new[]
        {
            new { code = "TN-RAS-AJDIR", name = "Ras Ajdir", countryCode, neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 },
            new { code = "TN-DEHIBA-WAZIN", name = "Dehiba–Wazin", countryCode = "TN", neighbourCountryCode = "LY", latitude = 31.99, longitude = 10.70 },
        },
    };

    private async Task<string> DonorAsync()
    {
        var code = "D-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _admin.PostAsJsonAsync("/api/reporting/donors", new { code, name = "Donor " + code }));
        return code;
    }

    private async Task<Guid> GrantAsync(string donor)
    {
        var body = await HttpAssert.StatusAsync(HttpStatusCode.Created,
            await _admin.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-" + Guid.NewGuid().ToString("N")[..8], donor)));
        return body["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Every_api_endpoint_needs_a_token()
    {
        using var anonymous = _factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/reporting/grants"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.PostAsJsonAsync("/api/reporting/donors", new { code = "X", name = "X" }));
    }

    [Fact]
    public async Task A_token_without_one_of_the_five_roles_is_forbidden()
    {
        using var stranger = _factory.ClientAs("Visitor");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await stranger.GetAsync("/api/reporting/grants"));
    }

    [Fact]
    public async Task Only_an_administrator_registers_grants()
    {
        var donor = await DonorAsync();
        using var officer = _factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-FORBIDDEN", donor)));
    }

    [Fact]
    public async Task Registering_a_grant_stores_it_and_its_event_in_one_save()
    {
        var donor = await DonorAsync();
        var grantId = await GrantAsync(donor);

        var grant = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}"));
        Assert.Equal(2, grant["grant"]!["crossingPoints"]!.AsArray().Count);

        var outbox = await _factory.WithDbAsync<ReportingDbContext, List<Equipment.BuildingBlocks.Data.OutboxMessage>>(db =>
            db.OutboxMessages.Where(m => m.Topic == GrantRegistered.Topic).ToListAsync());
        var message = Assert.Single(outbox, m => m.Payload.Contains(grantId.ToString()));
        Assert.Null(message.PublishedAt);                                    // no sidecar here: it waits
        var published = System.Text.Json.JsonSerializer.Deserialize<GrantRegistered>(message.Payload, Equipment.BuildingBlocks.Data.EventJson.Options)!;
        Assert.Equal(["TN-RAS-AJDIR", "TN-DEHIBA-WAZIN"], published.CrossingPoints.Select(p => p.Code));
        Assert.Equal(donor, published.DonorCode);
    }

    [Fact]
    public async Task A_grant_announces_its_budget_lines_and_who_may_bid()
    {
        var donor = await DonorAsync();
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(GrantBody("G-BUDGET-" + donor, donor), System.Text.Json.JsonSerializerOptions.Web))!;
        body["budgetLines"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["code"] = "EQ-1", ["description"] = "Surveillance equipment", ["amount"] = 3_000_000 });
        var grant = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _admin.PostAsJsonAsync("/api/reporting/grants", body));
        var grantId = grant["id"]!.GetValue<Guid>();
        var eligible = grant["eligibleNationalities"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("TN", eligible);                      // the beneficiary country
        Assert.Contains("DE", eligible);                      // an EU member state
        Assert.Contains("NO", eligible);                      // the EEA
        Assert.DoesNotContain("CN", eligible);

        var row = await _factory.WithDbAsync<ReportingDbContext, Equipment.BuildingBlocks.Data.OutboxMessage>(db =>
            db.OutboxMessages.SingleAsync(m => m.Topic == GrantRegistered.Topic && m.Payload.Contains(grantId.ToString())));
        var published = System.Text.Json.JsonSerializer.Deserialize<GrantRegistered>(row.Payload, Equipment.BuildingBlocks.Data.EventJson.Options)!;
        Assert.Equal(3_000_000m, Assert.Single(published.BudgetLines).Amount);
        Assert.Equal("ICMPD", published.ImplementingPartner);
        Assert.Equal(eligible, published.EligibleNationalities);

        body["reference"] = "G-OVERBUDGET-" + donor;
        body["budgetLines"]![0]!["amount"] = 5_000_000;        // more than the grant's 4,000,000
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _admin.PostAsJsonAsync("/api/reporting/grants", body), field: "budgetLines");
    }

    [Fact]
    public async Task Invalid_grants_are_refused_naming_the_field_and_nothing_is_written()
    {
        var donor = await DonorAsync();
        var before = await _factory.WithDbAsync<ReportingDbContext, int>(db => db.OutboxMessages.CountAsync());

        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _admin.PostAsJsonAsync("/api/reporting/grants", new { reference = "", donorCode = donor, amount = -5, crossingPoints = Array.Empty<object>() }),
            field: "amount");
        Assert.NotNull(problem["errors"]!["reference"]);
        Assert.NotNull(problem["errors"]!["crossingPoints"]);
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == "amount" && v["rule"]!.GetValue<string>() == "GreaterThan");

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _admin.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-OUTSIDE", donor, countryCode: "DZ")), field: "crossingPoints[0].countryCode");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _admin.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-NODONOR", "NO-SUCH-DONOR")), field: "donorCode");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _admin.PostAsync("/api/reporting/grants", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(before, await _factory.WithDbAsync<ReportingDbContext, int>(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_reference_is_a_conflict()
    {
        var donor = await DonorAsync();
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _admin.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-DUPLICATE", donor)));
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _admin.PostAsJsonAsync("/api/reporting/grants", GrantBody("G-DUPLICATE", donor)));
        Assert.Contains("G-DUPLICATE", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_monitor_sees_its_own_donors_grants_only()
    {
        var own = await DonorAsync();
        var other = await DonorAsync();
        var ownGrant = await GrantAsync(own);
        var otherGrant = await GrantAsync(other);
        using var monitor = _factory.ClientAs(Roles.DonorMonitor, own);

        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/grants/{ownGrant}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/reporting/grants/{otherGrant}"));
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/reporting/grants?pageSize=200"));
        Assert.All(list["items"]!.AsArray(), g => Assert.Equal(own, g!["donorCode"]!.GetValue<string>()));
        var donors = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/reporting/donors"));
        Assert.Equal(own, Assert.Single(donors.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paging_outside_its_bounds_is_a_bad_request()
    {
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _admin.GetAsync("/api/reporting/grants?pageSize=5000"), field: "pageSize");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _admin.GetAsync("/api/reporting/grants?page=0"), field: "page");
    }

    [Fact]
    public async Task The_summary_counts_contracts_and_deployments_whatever_order_the_events_arrive_in()
    {
        var grantId = await GrantAsync(await DonorAsync());
        var contractId = Guid.NewGuid();
        var assets = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The deployment of the first asset arrives before its registration.
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assets[0], grantId, "EU", "TN-RAS-AJDIR", today) { OccurredAt = now }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-1", grantId, "EU", "Thermovision GmbH", "DE", today, "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 3, 40_000m, "TN-RAS-AJDIR", today, 24)]) { OccurredAt = now }));
        foreach (var asset in assets)
            Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(asset, "SN-" + asset.ToString("N")[..6], "ThermalCamera", "Thermal camera", grantId, "EU", contractId, 1,
                40_000m, "EUR", today, today.AddMonths(24)) { OccurredAt = now }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assets[1], grantId, "EU", "TN-DEHIBA-WAZIN", today) { OccurredAt = now }));

        var summary = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal(120_000m, summary["budget"]!["contracted"]!.GetValue<decimal>());
        Assert.Equal(3, summary["funnel"]!["delivered"]!.GetValue<int>());
        Assert.Equal(2, summary["funnel"]!["deployed"]!.GetValue<int>());
        var perPoint = summary["crossingPoints"]!.AsArray().ToDictionary(p => p!["code"]!.GetValue<string>(), p => p!["funnel"]!["deployed"]!.GetValue<int>());
        Assert.Equal(1, perPoint["TN-RAS-AJDIR"]);
        Assert.Equal(1, perPoint["TN-DEHIBA-WAZIN"]);
    }

    [Fact]
    public async Task A_deployment_away_from_the_contracts_destination_shows_as_a_counted_listed_deviation_in_the_summary_and_reports()
    {
        var grantId = await GrantAsync(await DonorAsync());
        var contractId = Guid.NewGuid();
        var (bought, elsewhere) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(ContractSigned.Topic, new ContractSigned(contractId, "C-DEV", grantId, "EU", "Thermovision GmbH", "DE", today, "EUR",
            [new ContractLineSigned(1, "ThermalCamera", "Thermal camera", 2, 40_000m, "TN-RAS-AJDIR", today, 24)]) { OccurredAt = now }));
        foreach (var asset in new[] { bought, elsewhere })
            Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(asset, "SN-" + asset.ToString("N")[..6], "ThermalCamera", "Thermal camera", grantId, "EU",
                contractId, 1, 40_000m, "EUR", today, today.AddMonths(24)) { OccurredAt = now }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(bought, grantId, "EU", "TN-RAS-AJDIR", today)
            { OccurredAt = now, DestinationCrossingPointCode = "TN-RAS-AJDIR" }));
        var deviation = new AssetDeployed(elsewhere, grantId, "EU", "TN-DEHIBA-WAZIN", today)
            { OccurredAt = now, DestinationCrossingPointCode = "TN-RAS-AJDIR", DeviationReason = "The Ras Ajdir tower is not built yet" };
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, deviation));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, deviation));          // the same fact twice counts once

        var figures = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal(1, figures["deviationCount"]!.GetValue<int>());
        var listed = figures["deviations"]!.AsArray().Single()!;
        Assert.Equal((elsewhere, "TN-RAS-AJDIR", "TN-DEHIBA-WAZIN", "The Ras Ajdir tower is not built yet"), (listed["assetId"]!.GetValue<Guid>(),
            listed["destinationCrossingPointCode"]!.GetValue<string>(), listed["deployedAtCrossingPointCode"]!.GetValue<string>(), listed["reason"]!.GetValue<string>()));

        var html = await _admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.html");
        Assert.Contains("1 recorded deviation.", html);
        Assert.Contains("The Ras Ajdir tower is not built yet", html);
        var csv = await _admin.GetStringAsync($"/api/reporting/grants/{grantId}/report.csv");
        Assert.Contains("deviationReason", csv.Split('\n')[0]);
        Assert.Contains("The Ras Ajdir tower is not built yet", csv);
    }

    [Fact]
    public async Task Availability_counts_up_to_now_as_maintenance_does_for_a_window_ending_in_the_future()
    {
        var donor = await DonorAsync();
        var grant = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _admin.PostAsJsonAsync("/api/reporting/grants", new
        {
            reference = "G-AV-" + Guid.NewGuid().ToString("N")[..6], title = "IBM", donorCode = donor, instrument = "NdiciGlobalEurope", implementingPartner = "ICMPD",
            amount = 1_000_000, startDate = "2024-01-01", endDate = "2030-12-31", beneficiaryCountries = new[] { "TN" },
            crossingPoints = new[] { new { code = "TN-RAS-AJDIR", name = "Ras Ajdir", countryCode = "TN", neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 } },
        }));
        var grantId = grant["id"]!.GetValue<Guid>();
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        var deployedOn = DateOnly.FromDateTime(now).AddDays(-3);
        var deployedAt = deployedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var asset = Guid.NewGuid();
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(asset, grantId, donor, "TN-RAS-AJDIR", deployedOn) { OccurredAt = now }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(Maintenance.Contracts.AssetStatusChanged.Topic,
            new Maintenance.Contracts.AssetStatusChanged(asset, Maintenance.Contracts.Api.OperationalStatus.OutOfService, now.AddDays(-1), "Cooler failure") { OccurredAt = now }));

        var figures = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        // The same history and hand computation as maintenance's test of GET /availability with a window ending in the future.
        Assert.Equal(Math.Round((now.AddDays(-1) - deployedAt).TotalSeconds / (now - deployedAt).TotalSeconds, 4), figures["availability"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_transfer_moves_the_count_and_a_stolen_asset_no_longer_counts_even_if_its_deployment_arrives_late()
    {
        var grantId = await GrantAsync(await DonorAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (moved, stolen) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(moved, grantId, "EU", "TN-RAS-AJDIR", today.AddDays(-9)) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetTransferred.Topic, new AssetTransferred(moved, grantId, "EU",
            "TN-RAS-AJDIR", "TN-DEHIBA-WAZIN", today.AddDays(-2), "Reinforcement") { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDisposed.Topic, new AssetDisposed(stolen, grantId, "EU",
            Inventory.Contracts.Api.DisposalKind.Stolen, today.AddDays(-1), "Stolen from a vehicle", "Police report") { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(AssetDeployed.Topic, new AssetDeployed(stolen, grantId, "EU", "TN-RAS-AJDIR", today.AddDays(-5)) { OccurredAt = DateTimeOffset.UtcNow }));

        var summary = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal(1, summary["funnel"]!["deployed"]!.GetValue<int>());
        var perPoint = summary["crossingPoints"]!.AsArray().ToDictionary(p => p!["code"]!.GetValue<string>(), p => p!["funnel"]!["deployed"]!.GetValue<int>());
        Assert.Equal((0, 1), (perPoint["TN-RAS-AJDIR"], perPoint["TN-DEHIBA-WAZIN"]));
    }

    [Fact]
    public async Task The_same_contract_event_delivered_twice_counts_once()
    {
        var grantId = await GrantAsync(await DonorAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var signed = new ContractSigned(Guid.NewGuid(), "C-2", grantId, "EU", "Supplier", "DE", today, "EUR",
            [new ContractLineSigned(1, "Radio", "TETRA radio", 10, 1_000m, "TN-RAS-AJDIR", today, 24)]) { OccurredAt = DateTimeOffset.UtcNow };
        var id = Guid.NewGuid().ToString();
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(ContractSigned.Topic, signed, id));
        Assert.Equal("SUCCESS", await _factory.DeliverAsync(ContractSigned.Topic, signed, id));
        var summary = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _admin.GetAsync($"/api/reporting/grants/{grantId}")))["figures"]!;
        Assert.Equal(10, summary["funnel"]!["contracted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Subscriptions_and_health_and_openapi_are_served()
    {
        using var client = _factory.CreateClient();
        var subscriptions = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/dapr/subscribe"));
        Assert.Equal(
            new[] { TenderPublished.Topic, AwardDecided.Topic, TenderCancelled.Topic, ContractSigned.Topic, ContractAmended.Topic,
             AssetsHandedOver.Topic, Maintenance.Contracts.AssetStatusChanged.Topic,
             Maintenance.Contracts.WorkOrderCompleted.Topic, Maintenance.Contracts.UsageRecorded.Topic,
             Maintenance.Contracts.FaultReported.Topic, Maintenance.Contracts.FaultRepaired.Topic,
             AssetRegistered.Topic, AssetDeployed.Topic, AssetTransferred.Topic, AssetDisposed.Topic, StockTakeClosed.Topic,
             ReceiptPhotoAttached.Topic, ReceiptPhotoRemoved.Topic }.Order(),
            subscriptions.AsArray().Select(s => s!["topic"]!.GetValue<string>()).Order());
        var ready = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/health/ready"));
        Assert.NotNull(ready["checks"]!["outbox"]!["data"]!["backlog"]);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/health/live"));
        var openApi = await HttpAssert.StatusAsync(HttpStatusCode.OK, await client.GetAsync("/openapi/v1.json"));
        Assert.NotNull(openApi["paths"]!["/api/reporting/grants/{grantId}"]);
        Assert.NotNull(openApi["paths"]!["/api/reporting/iati/activities"]);
    }
}
