using System.Net;
using System.Text;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

/// <summary>Input a client can send that once answered 500: each is a 400 problem naming the JSON path and the rule, with nothing written.</summary>
public class HostileInputTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response, field);
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == field && v["rule"]!.GetValue<string>() == rule);
    }

    [Fact]
    public async Task A_null_line_in_a_shipment_is_refused_naming_its_index()
    {
        var before = await factory.WithDbAsync<InventoryDbContext, int>(db => db.Shipments.CountAsync());
        using var response = await _logistics.PostAsync("/api/inventory/shipments", Json("""
            {"waybillNumber": "WB-NULL", "carrier": "DHL", "dispatchedOn": "2026-11-01", "estimatedArrival": "2026-11-20", "lines": [null]}
            """));
        await AssertRefusedAsync(response, "$.lines[0]", "NotNull");
        Assert.Equal(before, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Shipments.CountAsync()));
    }

    [Fact]
    public async Task A_null_line_or_unit_in_a_goods_received_note_is_refused_naming_its_index()
    {
        using var line = await _logistics.PostAsync($"/api/inventory/shipments/{Guid.NewGuid()}/receipts", Json("""
            {"receivedOn": "2026-11-20", "lines": [null]}
            """));
        await AssertRefusedAsync(line, "$.lines[0]", "NotNull");
        using var unit = await _logistics.PostAsync($"/api/inventory/shipments/{Guid.NewGuid()}/receipts", Json("""
            {"receivedOn": "2026-11-20", "lines": [{"contractLineNumber": 1, "units": [
              {"serialNumber": "SN-1", "manufacturer": "Thermovision", "model": "TV-MW640", "visibilityMarking": true}, null]}]}
            """));
        await AssertRefusedAsync(unit, "$.lines[0].units[1]", "NotNull");
    }

    [Fact]
    public async Task A_control_character_in_a_serial_or_a_query_is_refused()
    {
        using var serial = await _logistics.PostAsync($"/api/inventory/shipments/{Guid.NewGuid()}/receipts", Json("""
            {"receivedOn": "2026-11-20", "lines": [{"contractLineNumber": 1, "units": [
              {"serialNumber": "SN\u00001", "manufacturer": "Thermovision", "model": "TV-MW640", "visibilityMarking": true}]}]}
            """));
        await AssertRefusedAsync(serial, "$.lines[0].units[0].serialNumber", "NoControlCharacters");
        await AssertRefusedAsync(await _logistics.GetAsync("/api/inventory/assets?serial=SN%001"), "serial", "NoControlCharacters");
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_at_the_edge_naming_the_field_before_the_asset_is_looked_up()
    {
        // Found by the fuzz suite: a 1 MB crossing point code was read as a deployment and answered "no asset" (404).
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync($"/api/inventory/assets/{Guid.NewGuid()}/deployment",
            Json($$"""{"crossingPointCode": "{{new string('x', 1 << 20)}}", "deployedOn": "2026-11-20"}""")), field: "$.crossingPointCode");
        Assert.Equal("MaxLength", problem["violations"]![0]!["rule"]!.GetValue<string>());
        var text = new string('y', InputGuardLimit + 1);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync($"/api/inventory/assets/{Guid.NewGuid()}/transfer",
            Json($$"""{"toCrossingPointCode": "TN-RAS-AJDIR", "transferredOn": "2026-11-20", "reason": "{{text}}"}""")), field: "$.reason");
    }

    private const int InputGuardLimit = Equipment.BuildingBlocks.Hosting.InputGuard.MaxTextLength;

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused_naming_the_field_before_the_asset_is_looked_up()
    {
        // Found by the fuzz suite: "kind": 99 bound as a disposal kind that does not exist, and was answered "no asset".
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync($"/api/inventory/assets/{Guid.NewGuid()}/disposal",
            Json("""{"kind": 99, "on": "2026-11-20", "reason": "Stolen", "evidenceReference": null}""")), field: "$.kind");
        Assert.Equal("Type", problem["violations"]![0]!["rule"]!.GetValue<string>());
    }
}
