using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

/// <summary>Who did what, when: every state change of an aggregate leaves an append-only audit entry, readable per record.</summary>
public class AuditTrailTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task A_requisition_shows_who_raised_and_cancelled_it_with_the_fields_and_the_correlation_id()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var id = await world.RequisitionAsync(1_000m);
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/procurement/requisitions/{id}/cancellation");
        cancel.Headers.Add("X-Correlation-Id", "audit-test-42");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.SendAsync(cancel));

        var trail = (await world.Officer.GetFromJsonAsync<List<AuditEntryResponse>>($"/api/procurement/audit/Requisition/{id}"))!;
        Assert.Equal(["Created", "Changed"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(("tester", Roles.ProcurementOfficer), (e.User, e.Role)));
        Assert.Contains("Status", trail[1].ChangedFields);
        Assert.Equal("audit-test-42", trail[1].CorrelationId);
        Assert.True(trail[1].At >= trail[0].At);

        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        await HttpAssert.ProblemAsync(HttpStatusCode.Forbidden, await monitor.GetAsync($"/api/procurement/audit/Requisition/{id}"));
    }

    [Fact]
    public async Task The_audit_trail_is_append_only()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        await world.RequisitionAsync(1_000m);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync<ProcurementDbContext, int>(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message);
    }
}
