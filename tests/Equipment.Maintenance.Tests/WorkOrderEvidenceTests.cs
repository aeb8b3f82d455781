using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Testing;

namespace Equipment.Maintenance.Tests;

/// <summary>A work order keeps its photos while the job is open; completed, it keeps them unchanged.</summary>
public class WorkOrderEvidenceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly HttpClient _technician = factory.ClientAs(Roles.MaintenanceTechnician, username: "technician");
    private DateOnly Today => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public void A_work_order_is_closed_for_evidence_once_completed_or_cancelled()
    {
        var order = new Domain.WorkOrder(Guid.NewGuid(), WorkOrderKind.Corrective, null, DateTime.UtcNow);
        Assert.Null(order.EvidenceClosedState);
        order.Cancel("Duplicate");
        Assert.Equal("Cancelled", order.EvidenceClosedState);
    }

    [Fact]
    public async Task Photos_of_a_job_are_added_while_it_is_open_read_by_its_donors_monitor_and_refused_once_it_is_completed()
    {
        var assetId = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetRegistered.Topic, new AssetRegistered(assetId, "TC-" + assetId.ToString("N")[..6], "ThermalCamera", "Thermal camera",
            Guid.NewGuid(), "EU-DGNEAR", Guid.NewGuid(), 1, 42_500m, "EUR", Today.AddMonths(-1), Today.AddMonths(23)) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetDeployed.Topic,
            new AssetDeployed(assetId, Guid.NewGuid(), "EU-DGNEAR", "TN-RAS-AJDIR", Today.AddDays(-10)) { OccurredAt = DateTimeOffset.UtcNow }));
        var order = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsJsonAsync("/api/maintenance/work-orders", new { assetId, kind = "Corrective" }));
        var path = $"/api/maintenance/work-orders/{order["id"]}";

        var photo = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _technician.PostAsync(path + "/attachments", EvidenceFiles.Form(EvidenceFiles.Jpeg(), "lens.jpg")));
        Assert.Equal((assetId, "technician"), (photo["subjectId"]!.GetValue<Guid>(), photo["uploadedBy"]!.GetValue<string>()));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _technician.PostAsync(path + "/attachments",
            EvidenceFiles.Form(EvidenceFiles.Program(), "lens2.jpg")), field: "file");
        await HttpAssert.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, await _technician.PostAsync(path + "/attachments",
            EvidenceFiles.Form(EvidenceFiles.Jpeg(10 * 1024 * 1024 + 1), "huge.jpg")), field: "file");

        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        using var otherMonitor = factory.ClientAs(Roles.DonorMonitor, "IT-MININT");
        Assert.Single((await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync(path + "/attachments"))).AsArray());
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync(path + "/attachments"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/maintenance/attachments/{photo["id"]}"));
        var image = await monitor.GetAsync($"/api/maintenance/attachments/{photo["id"]}");
        Assert.Equal((HttpStatusCode.OK, "inline"), (image.StatusCode, image.Content.Headers.ContentDisposition?.DispositionType));

        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync(path + "/schedule", new { on = Today, technician = "A. Trabelsi" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync(path + "/start", new { }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _technician.PostAsJsonAsync(path + "/completion", new { on = Today, labourHours = 2, outcome = "Lens replaced" }));
        var closed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.PostAsync(path + "/attachments", EvidenceFiles.Form(EvidenceFiles.Jpeg(), "after.jpg")));
        Assert.Equal("Completed", closed["currentState"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _technician.DeleteAsync($"{path}/attachments/{photo["id"]}"));
    }
}
