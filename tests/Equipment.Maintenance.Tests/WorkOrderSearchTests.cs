using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Testing;

namespace Equipment.Maintenance.Tests;

/// <summary><c>GET /work-orders/search</c>: open or history, text in the serial or the symptom, filters, sort and paging, through HTTP.</summary>
public class WorkOrderSearchTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<(Guid Id, string Serial)> DeployedAssetAsync(string crossingPoint = "TN-RAS-AJDIR")
    {
        var assetId = Guid.NewGuid();
        var serial = "WS-" + assetId.ToString("N")[..8].ToUpperInvariant();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, serial, "ThermalCamera", "Thermal camera",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), Today.AddMonths(23)) { OccurredAt = DateTimeOffset.UtcNow, SupplierName = "Thermovision GmbH" }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", crossingPoint, Today.AddDays(-10)) { OccurredAt = DateTimeOffset.UtcNow }));
        return (assetId, serial);
    }

    private async Task<Guid> OpenAsync(Guid assetId, string kind = "Preventive", Guid? faultReportId = null)
    {
        factory.Clock.Advance(TimeSpan.FromMinutes(1));                      // each opened a minute after the one before
        var order = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind, faultReportId }));
        return order["id"]!.GetValue<Guid>();
    }

    private async Task<System.Text.Json.Nodes.JsonNode> SearchAsync(string query) =>
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.GetAsync("/api/maintenance/work-orders/search?" + query));

    [Fact]
    public async Task The_list_finds_a_work_order_by_its_symptom_or_serial_in_any_case_and_shows_where_the_asset_is()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var (camera, _) = await DeployedAssetAsync("TN-DEHIBA-WAZIN");
        var (other, otherSerial) = await DeployedAssetAsync();
        var fault = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync($"/api/maintenance/assets/{camera}/faults",
            new { symptom = $"Lens fogged {token}", severity = "High" }));
        var repair = await OpenAsync(camera, "Corrective", fault["id"]!.GetValue<Guid>());
        var service = await OpenAsync(other);

        var bySymptom = await SearchAsync($"q={token.ToUpperInvariant()}");
        var row = Assert.Single(bySymptom["items"]!.AsArray())!;
        Assert.Equal((repair, $"Lens fogged {token}", "TN-DEHIBA-WAZIN", "Corrective"),
            (row["id"]!.GetValue<Guid>(), row["symptom"]!.GetValue<string>(), row["crossingPointCode"]!.GetValue<string>(), row["kind"]!.GetValue<string>()));
        Assert.NotNull(row["warrantyClaimId"]);                                            // corrective, under warranty

        var bySerial = await SearchAsync($"q={otherSerial.ToLowerInvariant()}");
        Assert.Equal([service], bySerial["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Null(bySerial["items"]![0]!["symptom"]);
        Assert.Empty((await SearchAsync($"q={token}&crossingPointCode=TN-RAS-AJDIR"))["items"]!.AsArray());
        Assert.Single((await SearchAsync($"q={token}&crossingPointCode=TN-DEHIBA-WAZIN&kind=Corrective"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Open_work_orders_and_the_history_are_apart_sorted_and_paged_with_the_total()
    {
        var (asset, _) = await DeployedAssetAsync();
        var first = await OpenAsync(asset);
        var second = await OpenAsync(asset);
        var third = await OpenAsync(asset);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync($"/api/maintenance/work-orders/{first}/cancellation", new { reason = "Duplicate" }));

        var open = await SearchAsync($"assetId={asset}&open=true&sort=openedAt");
        Assert.Equal([second, third], open["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        var history = await SearchAsync($"assetId={asset}&open=false");
        Assert.Equal([(first, "Cancelled")], history["items"]!.AsArray().Select(r => (r!["id"]!.GetValue<Guid>(), r["status"]!.GetValue<string>())));

        var newestFirst = await SearchAsync($"assetId={asset}&pageSize=2");
        Assert.Equal((3, 2), (newestFirst["totalCount"]!.GetValue<int>(), newestFirst["items"]!.AsArray().Count));
        Assert.Equal([third, second], newestFirst["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        var lastPage = await SearchAsync($"assetId={asset}&pageSize=2&page=2");
        Assert.Equal([first], lastPage["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>()));
        Assert.Equal(2, lastPage["pageNumber"]!.GetValue<int>());

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync("/api/maintenance/work-orders/search?sort=cost"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.GetAsync("/api/maintenance/work-orders/search?pageSize=201"), "pageSize");
        using var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await officer.GetAsync("/api/maintenance/work-orders/search"));
    }
}
