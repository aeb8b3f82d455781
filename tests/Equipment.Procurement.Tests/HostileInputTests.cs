using System.Net;
using System.Text;
using Equipment.Procurement.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Procurement.Tests;

/// <summary>Input a client can send that once answered 500: each is a 400 problem naming the JSON path and the rule, with nothing written.</summary>
public class HostileInputTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string rule)
    {
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response, field);
        Assert.Contains(problem["violations"]!.AsArray(), v => v!["field"]!.GetValue<string>() == field && v["rule"]!.GetValue<string>() == rule);
    }

    [Fact]
    public async Task A_null_lot_in_a_tender_is_refused_naming_its_index()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var requisition = await world.RequisitionAsync(10_000m);
        var before = await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Tenders.CountAsync());
        using var response = await world.Officer.PostAsync("/api/procurement/tenders", Json($$"""
            {"reference": "T-NULL-LOT", "title": "Cameras", "grantId": "{{world.GrantId}}", "awardMethod": "LowestPrice",
             "lots": [{"title": "Cameras", "requisitionIds": ["{{requisition}}"]}, null]}
            """));
        await AssertRefusedAsync(response, "$.lots[1]", "NotNull");
        Assert.Equal(before, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Tenders.CountAsync()));
    }

    [Fact]
    public async Task A_null_criterion_is_refused_too()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        using var response = await world.Officer.PostAsync("/api/procurement/tenders", Json($$"""
            {"reference": "T-NULL-ID", "title": "Cameras", "grantId": "{{world.GrantId}}", "awardMethod": "LowestPrice",
             "lots": [{"title": "Cameras", "requisitionIds": ["{{Guid.NewGuid()}}"]}], "qualityCriteria": [null]}
            """));
        await AssertRefusedAsync(response, "$.qualityCriteria[0]", "NotNull");
    }

    [Fact]
    public async Task A_null_line_in_a_bid_is_refused_naming_its_index()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var tender = await world.TenderAsync(350_000m);
        var tenderId = tender["id"]!.GetValue<Guid>();
        await world.PublishAsync(tenderId);
        var supplier = await world.SupplierAsync("Thermovision GmbH", "DE");
        using var response = await world.Officer.PostAsync($"/api/procurement/tenders/{tenderId}/lots/1/bids", Json($$"""
            {"supplierId": "{{supplier}}", "receivedAt": "{{world.Now:O}}", "lines": [null]}
            """));
        await AssertRefusedAsync(response, "$.lines[0]", "NotNull");
        Assert.Equal(0, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Bids.CountAsync(b => b.SupplierId == supplier)));
    }

    [Theory]
    [InlineData("Thermo\\u0000vision")]
    [InlineData("Thermo\\u001bvision")]
    [InlineData("Thermo\\u0085vision")]
    public async Task A_control_character_in_a_text_is_refused_at_the_edge(string legalName)
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var registration = Guid.NewGuid().ToString("N")[..10];
        using var response = await world.Officer.PostAsync("/api/procurement/suppliers", Json($$"""
            {"legalName": "{{legalName}}", "countryOfEstablishment": "DE", "registrationNumber": "{{registration}}",
             "contactName": "Sales desk", "contactEmail": "sales@example.org"}
            """));
        await AssertRefusedAsync(response, "$.legalName", "NoControlCharacters");
        Assert.False(await factory.WithDbAsync<ProcurementDbContext, bool>(db => db.Suppliers.AnyAsync(s => s.RegistrationNumber == registration)));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text_not_control_characters()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        using var response = await world.Officer.PostAsync("/api/procurement/suppliers", Json($$"""
            {"legalName": "Thermovision\tGmbH", "countryOfEstablishment": "DE", "registrationNumber": "{{Guid.NewGuid().ToString("N")[..10]}}",
             "contactName": "Sales desk\r\nsecond floor", "contactEmail": "sales@example.org"}
            """));
        await HttpAssert.StatusAsync(HttpStatusCode.Created, response);
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_and_keeps_its_number()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        await world.SupplierAsync("Thermovision GmbH", "DE");
        var page = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync("/api/procurement/suppliers?page=2147483647&pageSize=200"));
        Assert.Equal(2147483647, page["pageNumber"]!.GetValue<int>());
        Assert.Empty(page["items"]!.AsArray());
        Assert.True(page["totalCount"]!.GetValue<int>() >= 1);
        var first = await HttpAssert.StatusAsync(HttpStatusCode.OK, await world.Officer.GetAsync("/api/procurement/suppliers?page=1&pageSize=200"));
        Assert.NotEmpty(first["items"]!.AsArray());
        await AssertRefusedAsync(await world.Officer.GetAsync("/api/procurement/suppliers?page=0"), "page", "GreaterThanOrEqual");
        await AssertRefusedAsync(await world.Officer.GetAsync("/api/procurement/suppliers?pageSize=201"), "pageSize", "InclusiveBetween");
    }

    [Fact]
    public async Task A_date_out_of_range_is_refused_naming_the_field()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        using var response = await world.Officer.PostAsync("/api/procurement/requisitions", Json($$"""
            {"grantId": "{{world.GrantId}}", "budgetLineCode": "EQ-1", "itemCategory": "ThermalCamera", "technicalSpecification": "MWIR",
             "quantity": 1, "estimatedUnitValue": 1000, "destinationCrossingPointCode": "TN-RAS-AJDIR", "requiredBy": "9999-12-31"}
            """));
        await AssertRefusedAsync(response, "$.requiredBy", "DateRange");
    }

    [Fact]
    public async Task An_amount_out_of_range_is_refused_naming_the_field()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        using var response = await world.Officer.PostAsync("/api/procurement/requisitions", Json($$"""
            {"grantId": "{{world.GrantId}}", "budgetLineCode": "EQ-1", "itemCategory": "ThermalCamera", "technicalSpecification": "MWIR",
             "quantity": 2147483647, "estimatedUnitValue": 79228162514264337593543950335, "destinationCrossingPointCode": "TN-RAS-AJDIR", "requiredBy": "2026-12-01"}
            """));
        await AssertRefusedAsync(response, "$.estimatedUnitValue", "Range");
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_at_the_edge_naming_the_field()
    {
        // Found by the fuzz suite: a 1 MB budget line code reached the validator, which named another field instead.
        var world = await ProcurementWorld.CreateAsync(factory);
        var before = await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Requisitions.CountAsync());
        using var response = await world.Officer.PostAsync("/api/procurement/requisitions", Json($$"""
            {"grantId": "{{world.GrantId}}", "budgetLineCode": "{{new string('x', 1 << 20)}}", "itemCategory": "Sample text"}
            """));
        await AssertRefusedAsync(response, "$.budgetLineCode", "MaxLength");
        Assert.Equal(before, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Requisitions.CountAsync()));
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_refused_naming_the_field()
    {
        // Found by the fuzz suite: "awardMethod": 99 bound as a value no award method has.
        var world = await ProcurementWorld.CreateAsync(factory);
        var before = await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Tenders.CountAsync());
        await AssertRefusedAsync(await world.Officer.PostAsync("/api/procurement/tenders", Json($$"""
            {"reference": "T-ENUM", "title": "Cameras", "grantId": "{{world.GrantId}}", "awardMethod": 99, "lots": []}
            """)), "$.awardMethod", "Type");
        Assert.Equal(before, await factory.WithDbAsync<ProcurementDbContext, int>(db => db.Tenders.CountAsync()));
    }
}
