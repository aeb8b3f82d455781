using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Testing;

namespace Equipment.Maintenance.Tests;

/// <summary>The Refit client of <c>/api/maintenance</c> against the service itself: routes, bodies, enums and query formats agree.</summary>
public class TypedClientTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IMaintenanceApi _technician = EquipmentApi.For(factory.ClientAs(Roles.MaintenanceTechnician, username: "technician")).Maintenance;
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<Guid> DeployedAssetAsync()
    {
        var assetId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, "TC-" + assetId.ToString("N")[..6], "NightVisionDevice", "Night-vision monocular",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 950m, "EUR", Today.AddMonths(-1), Today.AddMonths(23)) { OccurredAt = DateTimeOffset.UtcNow, SupplierName = "Optronique du Sud" }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-BOUCHEBKA", Today.AddDays(-20)) { OccurredAt = DateTimeOffset.UtcNow }));
        return assetId;
    }

    [Fact]
    public async Task A_corrective_job_runs_its_course_through_the_typed_client()
    {
        var plan = await _technician.DefinePlanAsync(new DefinePlanRequest("NightVisionDevice", 30, null, null, ["Check the tube", "Seals"]));
        var assetId = await DeployedAssetAsync();                                    // the plan applies from this deployment on
        Assert.Contains(await _technician.ListPlansAsync(), p => p.ItemCategory == plan.ItemCategory);

        var fault = await _technician.ReportFaultAsync(assetId, new ReportFaultRequest("Image flickers", FaultSeverity.High));
        Assert.Equal(FaultSeverity.High, fault.Severity);
        await _technician.ChangeStatusAsync(assetId, new ChangeStatusRequest(OperationalStatus.OutOfService, factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2), "Flicker"));

        var order = await _technician.OpenWorkOrderAsync(new OpenWorkOrderRequest(assetId, WorkOrderKind.Corrective, fault.Id));
        Assert.Equal((WorkOrderKind.Corrective, WorkOrderStatus.Open), (order.Kind, order.Status));
        await _technician.ScheduleAsync(order.Id, new ScheduleWorkOrderRequest(Today, "A. Trabelsi"));
        await _technician.StartAsync(order.Id);
        var done = await _technician.CompleteAsync(order.Id, new CompleteWorkOrderRequest(Today, 2, "Tube replaced", [new PartUsed("Image tube", 1, 400m)]));
        Assert.Equal((WorkOrderStatus.Completed, 400m), (done.Status, done.PartsCost));
        Assert.Contains(await _technician.ListWorkOrdersAsync(assetId, WorkOrderStatus.Completed), w => w.Id == order.Id);
        Assert.Empty(await _technician.ListWorkOrdersAsync(assetId, WorkOrderStatus.Open));
        Assert.Equal((WorkOrderStatus.Completed, "Tube replaced"), ((await _technician.GetWorkOrderAsync(order.Id)).Status, (await _technician.GetWorkOrderAsync(order.Id)).Outcome));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ApiException>(() => _technician.GetWorkOrderAsync(Guid.NewGuid()))).Status);
        Assert.Equal(order.Id, (await EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR")).Maintenance.GetWorkOrderAsync(order.Id)).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ApiException>(() =>
            EquipmentApi.For(factory.ClientAs(Roles.DonorMonitor, "IT-MININT")).Maintenance.GetWorkOrderAsync(order.Id))).Status);   // another donor's
        var trail = await _technician.GetAuditTrailAsync("WorkOrder", order.Id.ToString());
        Assert.Equal(["Created", "Changed", "Changed", "Changed"], trail.Select(e => e.Action));          // opened, scheduled, started, completed
        Assert.All(trail, e => Assert.Equal(("technician", Roles.MaintenanceTechnician), (e.User, e.Role)));
        Assert.Contains("CompletedOn", trail[^1].ChangedFields);

        var claimId = done.WarrantyClaimId!.Value;
        Assert.Equal(WarrantyClaimStatus.Accepted, (await _technician.DecideClaimAsync(claimId, new DecideWarrantyClaimRequest(true, "Covered"))).Status);
        var resolved = await _technician.ResolveClaimAsync(claimId, new ResolveWarrantyClaimRequest(400m));
        Assert.Equal((WarrantyClaimStatus.Resolved, 400m), (resolved.Status, resolved.SupplierBore));
        Assert.Contains(await _technician.ListWarrantyClaimsAsync(), c => c.Id == claimId);

        await _technician.ChangeStatusAsync(assetId, new ChangeStatusRequest(OperationalStatus.Operational, factory.Clock.GetUtcNow().UtcDateTime, "Repaired"));
        var history = await _technician.GetStatusHistoryAsync(assetId);
        Assert.Equal([OperationalStatus.Operational, OperationalStatus.OutOfService, OperationalStatus.Operational], history.Select(h => h.Status));
        var usage = await _technician.RecordUsageAsync(assetId, new RecordUsageRequest(Today.AddDays(-10), Today.AddDays(-3), Hours: 40));
        Assert.Equal(40m, usage.Hours);

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var availability = await _technician.GetAvailabilityAsync(now.AddDays(-30), now, "asset");
        Assert.Contains(availability, a => a.Key == "TC-" + assetId.ToString("N")[..6]);
        Assert.Contains(await _technician.ListOverdueAsync(Today.AddDays(40)), o => o.AssetId == assetId);
        Assert.Contains((await _technician.ListAssetsAsync("TN-BOUCHEBKA", pageSize: 200)).Items, a => a.AssetId == assetId && a.Status == OperationalStatus.Operational);
    }

    [Fact]
    public async Task A_refused_call_carries_the_problem_naming_the_field()
    {
        var assetId = await DeployedAssetAsync();
        var refused = await Assert.ThrowsAsync<ApiException>(() => _technician.RecordUsageAsync(assetId, new RecordUsageRequest(Today.AddDays(-2), Today.AddDays(-1), Hours: -1)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Problem.GetProperty("errors").TryGetProperty("hours", out _), refused.Content);
        var missing = await Assert.ThrowsAsync<ApiException>(() => _technician.StartAsync(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}
