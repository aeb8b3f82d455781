using System.Net;
using System.Text;
using Equipment.Testing;

namespace Equipment.Procurement.Tests;

/// <summary>A body that cannot be bound is a 400 problem naming the member by its JSON path and the rule, never a bare 400.</summary>
public class UnreadableInputTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    [Theory]
    [InlineData("\"requiredBy\": \"next June\"", "$.requiredBy", "Type")]
    [InlineData("\"grantId\": \"not-a-guid\"", "$.grantId", "Type")]
    [InlineData("\"quantity\": \"two\"", "$.quantity", "Type")]
    [InlineData("\"urgent\": true", "$.urgent", "UnknownMember")]
    public async Task A_member_of_the_wrong_type_or_an_unknown_member_is_named_with_its_rule(string member, string path, string rule)
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        var body = $$"""
            {"grantId": "{{world.GrantId}}", "budgetLineCode": "EQ-1", "itemCategory": "ThermalCamera", "technicalSpecification": "MWIR",
             "quantity": 1, "estimatedUnitValue": 1000, "destinationCrossingPointCode": "TN-RAS-AJDIR", "requiredBy": "2026-12-01", {{member}}}
            """;
        // A duplicated key is kept last by System.Text.Json, so the member under test replaces the good one.
        var before = await factory.WithDbAsync<Data.ProcurementDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Requisitions));
        using var response = await world.Officer.PostAsync("/api/procurement/requisitions", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response, field: path);
        Assert.Equal(rule, problem["violations"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal(before, await factory.WithDbAsync<Data.ProcurementDbContext, int>(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Requisitions)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_named_as_such()
    {
        var world = await ProcurementWorld.CreateAsync(factory);
        using var response = await world.Officer.PostAsync("/api/procurement/requisitions", new StringContent("{\"grantId\": ", Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal("Json", problem["violations"]![0]!["rule"]!.GetValue<string>());
    }
}
