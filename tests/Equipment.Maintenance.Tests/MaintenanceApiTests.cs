using System.Net;
using Equipment.BuildingBlocks.Auth;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Domain;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Tests;

public class MaintenanceApiTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static AssetRegistered Registered(Guid assetId, DateOnly warrantyEnds) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, assetId, "TC-" + assetId.ToString("N")[..6], "ThermalCamera", "Thermal camera",
        Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), warrantyEnds);

    [Fact]
    public void Warranty_runs_to_its_last_day()
    {
        var asset = new MaintainedAsset(Guid.NewGuid(), "TC-1", "ThermalCamera", "Thermal camera", Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 3, 1));
        Assert.True(asset.IsUnderWarranty(new DateOnly(2026, 3, 1)));
        Assert.False(asset.IsUnderWarranty(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public async Task Without_a_token_401_and_with_the_wrong_role_403()
    {
        using var anonymous = factory.CreateClient();
        await HttpAssert.ProblemAsync(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/maintenance/assets"));
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.GetAsync("/api/maintenance/assets"));
    }

    [Fact]
    public async Task A_deployment_that_arrives_before_the_registration_is_retried_not_lost()
    {
        var assetId = Guid.NewGuid();
        var deployed = new AssetDeployed(Guid.NewGuid(), DateTimeOffset.UtcNow, assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-RAS-AJDIR", Today);
        var deploymentId = Guid.NewGuid().ToString();

        Assert.Equal("RETRY", await factory.DeliverAsync(InventoryTopics.AssetDeployed, deployed, deploymentId));
        Assert.False(await factory.WithDbAsync<MaintenanceDbContext, bool>(db => db.InboxMessages.AnyAsync(m => m.MessageId == deploymentId)));

        Assert.Equal("SUCCESS", await factory.DeliverAsync(InventoryTopics.AssetRegistered, Registered(assetId, Today.AddMonths(23))));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(InventoryTopics.AssetDeployed, deployed, deploymentId));

        using var technician = factory.ClientAs(Roles.MaintenanceTechnician);
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await technician.GetAsync("/api/maintenance/assets?crossingPointCode=TN-RAS-AJDIR&pageSize=200"));
        var asset = Assert.Single(page["items"]!.AsArray(), a => a!["assetId"]!.GetValue<Guid>() == assetId)!;
        Assert.True(asset["underWarranty"]!.GetValue<bool>());
    }
}
