using Equipment.ApiClient;
using Equipment.Procurement.Contracts;

namespace Equipment.System.Tests;

/// <summary>What the dashboard shows, as the parts export it over OTLP.</summary>
public class TelemetryTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task One_contract_signature_is_one_trace_across_the_gateway_procurement_the_sidecar_and_inventory()
    {
        var scenario = await Scenario.SignInAsync(system);
        var grant = await scenario.RegisterGrantAsync("EU-DGNEAR");
        var contract = await scenario.SignContractAsync(grant);
        await scenario.ExpectedAsync(contract.Id, atLeast: 2);

        // Inventory's handling of the contract-signed event, and the trace it belongs to.
        var handled = await Poll.UntilAsync(() => Task.FromResult(system.Telemetry.Spans.Where(s => s.Service == "inventory" && s.Name.Contains(ContractSigned.Topic)).ToList()),
            spans => spans.Count > 0, Scenario.Deadline, "inventory's span for the contract-signed delivery");
        var traceId = Assert.Single(handled.Select(s => s.TraceId).Distinct());

        string[] parts = ["gateway", "procurement", "dev-sidecar", "inventory"];
        // Each part exports in its own batches: wait until every part's spans are in, parents included.
        static bool Whole(List<ReceivedSpan> spans) =>
            spans.All(s => s.ParentSpanId is "" or "0000000000000000" || spans.Any(p => p.SpanId == s.ParentSpanId));
        var trace = await Poll.UntilAsync(() => Task.FromResult(system.Telemetry.Spans.Where(s => s.TraceId == traceId).ToList()),
            spans => parts.All(p => spans.Any(s => s.Service == p)) && Whole(spans), Scenario.Deadline,
            $"spans of trace {traceId} from {string.Join(", ", parts)}, each with its parent");

        // The trace starts at the gateway with the signature request, and every other span has its parent in the trace.
        var root = Assert.Single(trace, s => s.ParentSpanId is "" or "0000000000000000");
        Assert.Equal("gateway", root.Service);
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        Assert.All(trace.Where(s => s != root), s => Assert.Contains(s.ParentSpanId, ids));
        Assert.Contains(trace, s => s.Service == "procurement" && s.Name == $"{ContractSigned.Topic} publish");
        Assert.Contains(trace, s => s.Service == "dev-sidecar" && s.Name.StartsWith($"{ContractSigned.Topic} deliver", StringComparison.Ordinal));
    }
}
