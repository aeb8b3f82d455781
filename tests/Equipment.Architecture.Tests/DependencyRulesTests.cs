using System.Reflection;
using NetArchTest.Rules;

namespace Equipment.Architecture.Tests;

/// <summary>
/// Every fact has one owner, and the others learn it from events: so a service may use BuildingBlocks and the other
/// services' Contracts (their events and API records), never their code; and a Contracts project depends on nothing
/// but the shared contract base, so that any consumer can take it without dragging a service along.
/// </summary>
public class DependencyRulesTests
{
    private static readonly string[] ServiceNames = ["Procurement", "Inventory", "Maintenance", "DonorReporting"];

    private static Assembly Service(string name) => Assembly.Load($"Equipment.{name}");
    private static Assembly Contracts(string name) => Assembly.Load($"Equipment.{name}.Contracts");

    public static TheoryData<string> Services() => new(ServiceNames);

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_references_only_building_blocks_and_contracts(string name)
    {
        var ours = Service(name).GetReferencedAssemblies().Select(a => a.Name!).Where(a => a.StartsWith("Equipment.", StringComparison.Ordinal)).ToList();
        Assert.Contains("Equipment.BuildingBlocks", ours);
        Assert.All(ours, reference => Assert.True(
            reference is "Equipment.BuildingBlocks" or "Equipment.BuildingBlocks.Contracts" || reference.EndsWith(".Contracts", StringComparison.Ordinal),
            $"Equipment.{name} references {reference}"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_uses_no_other_service_code(string name)
    {
        var others = ServiceNames.Where(n => n != name)
            .SelectMany(n => new[] { $"Equipment.{n}.Features", $"Equipment.{n}.Domain", $"Equipment.{n}.Data" })
            .Concat(["Equipment.Gateway", "Equipment.Portal", "Equipment.ApiClient", "Equipment.DevSidecar", "Equipment.AppHost"])
            .ToArray();
        var result = Types.InAssembly(Service(name)).ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.True(result.IsSuccessful, $"Equipment.{name} uses another part's code: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_contracts_project_depends_on_no_service_and_no_framework(string name)
    {
        var contracts = Contracts(name);
        var ours = contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(a => a.StartsWith("Equipment.", StringComparison.Ordinal));
        Assert.All(ours, reference => Assert.True(reference.EndsWith(".Contracts", StringComparison.Ordinal), $"{contracts.GetName().Name} references {reference}"));

        var forbidden = ServiceNames.Select(n => $"Equipment.{n}.Features").Concat(ServiceNames.Select(n => $"Equipment.{n}.Domain"))
            .Concat(["Equipment.BuildingBlocks.Auth", "Equipment.BuildingBlocks.Data", "Equipment.BuildingBlocks.Messaging",
                "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MediatR", "FluentValidation", "Refit", "Dapr"])
            .ToArray();
        var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{contracts.GetName().Name} depends on a service or a framework: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_event_names_its_topic_and_derives_from_the_event_base()
    {
        var events = ServiceNames.Select(Contracts).SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.EndsWith(".Contracts", StringComparison.Ordinal) == true && t.GetInterface("ITopicEvent") is not null)
            .ToList();
        Assert.True(events.Count >= 18, $"only {events.Count} events found");
        var topics = events.Select(t => (string)t.GetProperty("Topic", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();
        Assert.Equal(topics.Count, topics.Distinct().Count());
        Assert.All(events, t => Assert.Equal("IntegrationEvent", t.BaseType?.Name));
    }
}
