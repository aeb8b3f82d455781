using System.Net;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary><c>GET /suppliers</c> and <c>GET /requisitions</c>: found by text in any case, filtered, sorted both ways and paged with the total, in the database.</summary>
public class SupplierAndRequisitionListTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private readonly IProcurementApi _officer = EquipmentApi.For(factory.ClientAs(Roles.ProcurementOfficer)).Procurement;

    [Fact]
    public async Task Suppliers_are_found_by_name_registration_or_contact_filtered_by_country_sorted_and_paged()
    {
        var token = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var beta = await _officer.RegisterSupplierAsync(new RegisterSupplierRequest($"Beta Optics {token}", "FR", $"REG-{token}-1", "Claire Martin", "c@example.org"));
        var alpha = await _officer.RegisterSupplierAsync(new RegisterSupplierRequest($"Alpha Radio {token}", "TN", $"REG-{token}-2", "Sami Ben Ali", "s@example.org"));
        var gamma = await _officer.RegisterSupplierAsync(new RegisterSupplierRequest($"Gamma Vehicles {token}", "DE", $"REG-{token}-3", $"Jonas {token}", "j@example.org"));

        Assert.Equal([alpha.Id, beta.Id, gamma.Id], (await _officer.ListSuppliersAsync(q: token.ToLowerInvariant())).Items.Select(s => s.Id));    // by legal name A–Z
        Assert.Equal([gamma.Id, beta.Id, alpha.Id], (await _officer.ListSuppliersAsync(q: token, sort: "-legalName")).Items.Select(s => s.Id));
        Assert.Equal([gamma.Id, beta.Id, alpha.Id], (await _officer.ListSuppliersAsync(q: token, sort: "country")).Items.Select(s => s.Id));       // DE, FR, TN
        Assert.Equal([alpha.Id, beta.Id, gamma.Id], (await _officer.ListSuppliersAsync(q: token, sort: "-country")).Items.Select(s => s.Id));
        Assert.Equal(beta.Id, Assert.Single((await _officer.ListSuppliersAsync(q: $"reg-{token.ToLowerInvariant()}-1")).Items).Id);                   // registration number
        Assert.Equal(gamma.Id, Assert.Single((await _officer.ListSuppliersAsync(q: $"JONAS {token}")).Items).Id);                                     // contact
        Assert.Equal(alpha.Id, Assert.Single((await _officer.ListSuppliersAsync(q: token, country: "tn")).Items).Id);
        var second = await _officer.ListSuppliersAsync(q: token, page: 2, pageSize: 2);
        Assert.Equal((3, gamma.Id), (second.TotalCount, Assert.Single(second.Items).Id));

        var officer = factory.ClientAs(Roles.ProcurementOfficer);
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await officer.GetAsync("/api/procurement/suppliers?sort=email"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await officer.GetAsync("/api/procurement/suppliers?country=Tunisia"), "country");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await officer.GetAsync("/api/procurement/suppliers?q=" + new string('x', 201)), "q");
    }

    [Fact]
    public async Task Requisitions_are_found_by_specification_line_or_destination_filtered_sorted_and_paged()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var token = Guid.NewGuid().ToString("N")[..6].ToLowerInvariant();
        RaiseRequisitionRequest Need(string specification, string line, DateOnly requiredBy) =>
            new(world.GrantId, line, "ThermalCamera", specification, 2, 1_000m, "TN-RAS-AJDIR", null, requiredBy);
        var first = await _officer.RaiseRequisitionAsync(Need($"Thermal camera {token}", "EQ-1", new DateOnly(2027, 3, 1)));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _officer.RaiseRequisitionAsync(Need($"Patrol vehicle {token}", "EQ-2", new DateOnly(2027, 1, 1)));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await _officer.RaiseRequisitionAsync(Need($"Radio {token}", "EQ-1", new DateOnly(2027, 2, 1)));
        await _officer.CancelRequisitionAsync(third.Id);

        Assert.Equal([first.Id, second.Id, third.Id], (await _officer.ListRequisitionsAsync(world.GrantId, q: token.ToUpperInvariant())).Items.Select(r => r.Id));   // oldest raised first
        Assert.Equal([third.Id, second.Id, first.Id], (await _officer.ListRequisitionsAsync(world.GrantId, q: token, sort: "-raisedAt")).Items.Select(r => r.Id));
        Assert.Equal([second.Id, third.Id, first.Id], (await _officer.ListRequisitionsAsync(world.GrantId, q: token, sort: "requiredBy")).Items.Select(r => r.Id));
        Assert.Equal([first.Id, third.Id, second.Id], (await _officer.ListRequisitionsAsync(world.GrantId, q: token, sort: "-requiredBy")).Items.Select(r => r.Id));
        Assert.Equal([second.Id], (await _officer.ListRequisitionsAsync(world.GrantId, q: "eq-2")).Items.Select(r => r.Id));                                         // the budget line
        Assert.Equal(3, (await _officer.ListRequisitionsAsync(world.GrantId, q: "ras-ajdir")).TotalCount);                                                          // the destination
        Assert.Equal([first.Id, second.Id], (await _officer.ListRequisitionsAsync(world.GrantId, RequisitionStatus.Open, q: token)).Items.Select(r => r.Id));
        var page = await _officer.ListRequisitionsAsync(world.GrantId, q: token, page: 2, pageSize: 2);
        Assert.Equal((3, third.Id), (page.TotalCount, Assert.Single(page.Items).Id));

        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.Officer.GetAsync("/api/procurement/requisitions?sort=value"), "sort");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await world.Officer.GetAsync("/api/procurement/requisitions?q=" + new string('x', 201)), "q");
    }
}
