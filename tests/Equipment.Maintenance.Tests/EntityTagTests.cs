using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Maintenance.Tests;

/// <summary>Every step of a work order answers its ETag and honours If-Match: a stale one is 412 with nothing written.</summary>
public class EntityTagTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_stale_If_Match_starts_no_work_order_and_the_current_one_does_and_answers_the_new_ETag()
    {
        var assetId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, "TC-" + assetId.ToString("N")[..6], "ThermalCamera", "Thermal camera",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), Today.AddMonths(23)) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-RAS-AJDIR", Today.AddDays(-10)) { OccurredAt = DateTimeOffset.UtcNow }));
        var order = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind = "Preventive" }));
        var path = $"/api/maintenance/work-orders/{order["id"]!.GetValue<Guid>()}";
        using var scheduled = await ETagAssert.PostAsync(_technician, path + "/schedule", new { on = Today, technician = "A. Trabelsi" }, null);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, scheduled);
        var read = ETagAssert.Of(scheduled);

        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_technician, path + "/start", new { }, ETagAssert.Stale), read, "Scheduled");
        Assert.Equal(WorkOrderStatus.Scheduled, await StatusAsync(assetId));

        using var started = await ETagAssert.PostAsync(_technician, path + "/start", new { }, read);
        Assert.Equal("InProgress", (await HttpAssert.StatusAsync(HttpStatusCode.OK, started))["status"]!.GetValue<string>());
        var now = ETagAssert.Of(started);
        Assert.NotEqual(read, now);

        await ETagAssert.PreconditionFailedAsync(await ETagAssert.PostAsync(_technician, path + "/completion",
            new { on = Today, labourHours = 1, outcome = "Done" }, read), now, "InProgress");
        Assert.Equal(WorkOrderStatus.InProgress, await StatusAsync(assetId));
        Assert.Equal(0, await factory.WithDbAsync<MaintenanceDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == WorkOrderCompleted.Topic && m.Payload.Contains(assetId.ToString()))));
    }

    private Task<WorkOrderStatus> StatusAsync(Guid assetId) => factory.WithDbAsync<MaintenanceDbContext, WorkOrderStatus>(db =>
        db.WorkOrders.Where(w => w.AssetId == assetId).Select(w => w.Status).SingleAsync());
}
