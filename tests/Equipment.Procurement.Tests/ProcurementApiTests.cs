using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Data;
using Equipment.DonorReporting.Contracts;
using Equipment.Procurement.Contracts;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

public class ProcurementApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _officer = factory.ClientAs(Roles.ProcurementOfficer);

    private async Task<Guid> KnownGrantAsync(string donor = "EU-DGNEAR")
    {
        var grantId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReportingTopics.GrantRegistered, new GrantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, grantId, "G-" + grantId.ToString("N")[..6], "North Africa IBM", donor, "NdiciGlobalEurope",
            4_000_000m, "EUR", new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), ["TN"],
            [new AgreedCrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)])));
        return grantId;
    }

    private static object ContractBody(Guid grantId, string destination = "TN-RAS-AJDIR", int quantity = 4) => new
    {
        reference = "C-" + Guid.NewGuid().ToString("N")[..8],
        grantId,
        supplierName = "Thermovision Systems GmbH",
        supplierCountry = "DE",
        lines = new[]
        {
            new { itemCategory = "ThermalCamera", description = "Thermal camera", quantity, unitPrice = 42_500, destinationCrossingPointCode = destination, deliveryDeadline = "2026-09-01", warrantyMonths = 24 },
        },
    };

    private async Task<Guid> DraftAsync(Guid grantId) =>
        (await HttpAssert.StatusAsync(HttpStatusCode.Created, await _officer.PostAsJsonAsync("/api/procurement/contracts", ContractBody(grantId))))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task Without_a_token_401_and_with_the_wrong_role_403()
    {
        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/procurement/contracts"));
        using var logistics = factory.ClientAs(Roles.LogisticsOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.GetAsync("/api/procurement/contracts"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await logistics.PostAsJsonAsync("/api/procurement/contracts", ContractBody(Guid.NewGuid())));
    }

    [Fact]
    public async Task A_contract_needs_a_grant_procurement_has_learnt_of()
    {
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _officer.PostAsJsonAsync("/api/procurement/contracts", ContractBody(Guid.NewGuid())), field: "grantId");
        var grantId = await KnownGrantAsync();
        var grants = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _officer.GetAsync("/api/procurement/grants"));
        Assert.Contains(grants.AsArray(), g => g!["grantId"]!.GetValue<Guid>() == grantId);
        await HttpAssert.StatusAsync(HttpStatusCode.Created, await _officer.PostAsJsonAsync("/api/procurement/contracts", ContractBody(grantId)));
    }

    [Fact]
    public async Task Lines_go_to_agreed_crossing_points_and_have_valid_quantities()
    {
        var grantId = await KnownGrantAsync();
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _officer.PostAsJsonAsync("/api/procurement/contracts", ContractBody(grantId, destination: "EG-SALLOUM")), field: "lines[0].destinationCrossingPointCode");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _officer.PostAsJsonAsync("/api/procurement/contracts", ContractBody(grantId, quantity: 0)), field: "lines[0].quantity");
    }

    [Fact]
    public async Task Signing_publishes_contract_signed_through_the_outbox_and_a_second_signature_is_409()
    {
        var contractId = await DraftAsync(await KnownGrantAsync());
        var signed = await HttpAssert.StatusAsync(HttpStatusCode.OK,
            await _officer.PostAsJsonAsync($"/api/procurement/contracts/{contractId}/signature", new { signedOn = "2025-02-01" }));
        Assert.Equal("Signed", signed["status"]!.GetValue<string>());

        var rows = await factory.WithDbAsync<ProcurementDbContext, List<OutboxMessage>>(db =>
            db.OutboxMessages.Where(m => m.Topic == ProcurementTopics.ContractSigned).ToListAsync());
        var row = Assert.Single(rows, r => r.Payload.Contains(contractId.ToString()));
        var @event = System.Text.Json.JsonSerializer.Deserialize<ContractSigned>(row.Payload, EventJson.Options)!;
        Assert.Equal(4, Assert.Single(@event.Lines).Quantity);
        Assert.Equal("TN-RAS-AJDIR", @event.Lines[0].DestinationCrossingPointCode);
        Assert.Equal(24, @event.Lines[0].WarrantyMonths);

        var conflict = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict,
            await _officer.PostAsJsonAsync($"/api/procurement/contracts/{contractId}/signature", new { signedOn = "2025-02-02" }));
        Assert.Equal("Signed", conflict["currentState"]!.GetValue<string>());
        Assert.Equal(1, await factory.WithDbAsync<ProcurementDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == ProcurementTopics.ContractSigned && m.Payload.Contains(contractId.ToString()))));
    }

    [Fact]
    public async Task A_signature_date_is_required_and_not_in_the_future()
    {
        var contractId = await DraftAsync(await KnownGrantAsync());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _officer.PostAsJsonAsync($"/api/procurement/contracts/{contractId}/signature", new { }), field: "signedOn");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest,
            await _officer.PostAsJsonAsync($"/api/procurement/contracts/{contractId}/signature", new { signedOn = "2999-01-01" }), field: "signedOn");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound,
            await _officer.PostAsJsonAsync($"/api/procurement/contracts/{Guid.NewGuid()}/signature", new { signedOn = "2025-01-01" }));
    }

    [Fact]
    public async Task A_monitor_reads_its_own_donors_contracts_only()
    {
        var own = await DraftAsync(await KnownGrantAsync("EU-DGNEAR"));
        var other = await DraftAsync(await KnownGrantAsync("IT-MININT"));
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/procurement/contracts/{own}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.GetAsync($"/api/procurement/contracts/{other}"));
        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync("/api/procurement/contracts?pageSize=200"));
        Assert.All(list["items"]!.AsArray(), c => Assert.Equal("EU-DGNEAR", c!["donorCode"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.PostAsJsonAsync($"/api/procurement/contracts/{own}/signature", new { signedOn = "2025-01-01" }));
    }

    [Fact]
    public async Task A_grant_event_delivered_twice_is_learnt_once()
    {
        var grantId = Guid.NewGuid();
        var registered = new GrantRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, grantId, "G-TWICE", "T", "EU-DGNEAR", "IpaIii", 1m, "EUR",
            new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), ["RS"], [new AgreedCrossingPoint("RS-HORGOS", "Horgoš", "RS", "HU", 46.16, 19.97)]);
        var id = Guid.NewGuid().ToString();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReportingTopics.GrantRegistered, registered, id));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReportingTopics.GrantRegistered, registered, id));
        Assert.Equal("DROP", await factory.DeliverRawAsync(ReportingTopics.GrantRegistered, "{\"id\":\"x1\",\"data\":{\"grantId\":\"not-a-guid\"}}"));
        Assert.Equal(1, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.KnownGrants.CountAsync(g => g.GrantId == grantId)));
    }
}
