using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Equipment.ApiClient;
using Equipment.AppHost;
using Xunit.Abstractions;

namespace Equipment.System.Tests;

/// <summary>
/// The kill suite: N event chains (grant → contract → deliveries → assets → handover → deployment → maintenance and
/// the donor's figures), with a random service or the sidecar killed with SIGKILL after each step and after every 200
/// chains within a step, while the step's events are still travelling; the AppHost starts it again. Then every copy is checked: nothing lost, nothing applied
/// twice, every outbox drained, no delivery dropped, dead-lettered or given up.
/// CI runs it small (<c>EQUIPMENT_KILL_CHAINS</c>, default 4); the full size is <c>EQUIPMENT_KILL_CHAINS=1000</c>, and it
/// prints its figures either way.
/// </summary>
public class KillSuiteTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly string[] Victims = ["procurement", "inventory", "maintenance", "donor-reporting", EquipmentSystem.Sidecar];
    private readonly HttpClient _direct = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Event_chains_survive_random_kills_with_nothing_lost_and_nothing_applied_twice()
    {
        var chains = int.TryParse(Environment.GetEnvironmentVariable("EQUIPMENT_KILL_CHAINS"), out var n) && n > 0 ? n : 4;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("EQUIPMENT_KILL_SEED"), out var seed) ? seed : Environment.TickCount);
        var clock = Stopwatch.StartNew();
        var kills = new List<string>();
        var scenario = await Scenario.SignInAsync(system);
        var logistics = await system.SignInAsync("logistics");
        var monitor = await system.SignInAsync("monitor");
        var technician = await system.SignInAsync("technician");
        var deadline = TimeSpan.FromMinutes(3);

        async Task KillOneAsync()
        {
            var victim = Victims[random.Next(Victims.Length)];
            await system.KillAsync(victim);
            kills.Add(victim);
            await system.WaitHealthyAsync(victim);
            await system.WaitHealthyAsync(EquipmentSystem.Gateway);
        }

        async Task<List<T>> InBatchesAsync<T>(IEnumerable<Func<Task<T>>> steps)
        {
            var results = new List<T>();
            foreach (var (batch, index) in steps.Chunk(8).Select((b, i) => (b, i)))
            {
                results.AddRange(await Task.WhenAll(batch.Select(step => step())));
                if ((index + 1) % 25 == 0) await KillOneAsync();   // at full size a kill every 200 chains within a step too
            }
            return results;
        }

        // 1. Grants (donor-reporting → procurement).
        var grants = new List<GrantResponse> { await scenario.RegisterGrantAsync("EU-DGNEAR") };   // registers the donor once
        grants.AddRange(await InBatchesAsync(Enumerable.Range(1, chains - 1).Select(_ => (Func<Task<GrantResponse>>)(() => scenario.RegisterGrantAsync("EU-DGNEAR")))));
        await KillOneAsync();

        // 2. A signed contract per grant (procurement → inventory, donor-reporting).
        var contracts = await InBatchesAsync(grants.Select(g => (Func<Task<ContractResponse>>)(() => scenario.SignContractAsync(g, cameras: 2))));
        await KillOneAsync();

        // 3. Delivered and handed over (inventory → donor-reporting, maintenance).
        var warehouse = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await logistics.Inventory.RegisterWarehouseAsync(new RegisterWarehouseRequest(warehouse, "ICMPD warehouse, Tunis", "TN", "Charguia II, Tunis"));
        var assets = await InBatchesAsync(contracts.Select(c => (Func<Task<IReadOnlyList<AssetResponse>>>)(async () =>
        {
            var expected = await Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(c.Id), p => p.TotalCount >= 2, deadline, $"inventory to expect contract {c.Id}");
            var cameras = expected.Items.Single(d => d.ItemCategory == "ThermalCamera");
            var received = await InventoryRun.ShipAndReceiveAsync(logistics, expected.Items,
                [new Arrival(cameras.ContractLineNumber, 2, 0, "Thermovision", "TV-LW320", "TC-" + Guid.NewGuid().ToString("N")[..8])],
                "WB-" + Guid.NewGuid().ToString("N")[..8], "DHL Global Forwarding", warehouse, Scenario.Today.AddDays(-3), Scenario.Today);
            await InventoryRun.HandOverAsync(logistics, received, Scenario.Today, "Tunis", "Garde nationale (Tunisia)",
                new Representative("Sophie Laurent", "ICMPD project manager"), new Representative("Col. Mohamed Ben Salah", "Director of border equipment"));
            return received;
        })));
        await KillOneAsync();

        // 4. One camera of each chain deployed (inventory → maintenance, donor-reporting).
        var deployed = await InBatchesAsync(assets.Select(a => (Func<Task<AssetResponse>>)(() => logistics.Inventory.DeployAsync(a[0].Id, new DeployAssetRequest("TN-RAS-AJDIR", Scenario.Today)))));
        await KillOneAsync();
        var produced = clock.Elapsed;

        // Every copy: each chain exactly once everywhere.
        foreach (var (contract, index) in contracts.Select((c, i) => (c, i)))
        {
            var expected = await logistics.Inventory.ListExpectedDeliveriesAsync(contract.Id);
            Assert.Equal([2, 5], expected.Items.OrderBy(l => l.ContractLineNumber).Select(l => l.QuantityExpected));
            // Every event of the chain counted (they may arrive in any order: one that comes before what it depends on
            // is delivered again later), then nothing more: waited for until the figures are the chain's.
            var figures = (await Poll.UntilAsync(() => monitor.Reporting.GetGrantAsync(grants[index].Id),
                s => (s.Figures.Funnel.Contracted, s.Figures.Funnel.Delivered, s.Figures.Funnel.HandedOver, s.Figures.Funnel.Deployed) == (7, 2, 2, 1)
                     || s.Figures.Funnel.Delivered > 2 || s.Figures.Funnel.HandedOver > 2 || s.Figures.Funnel.Deployed > 1,
                deadline, $"donor-reporting to count chain {index}'s deliveries, handover and deployment")).Figures;
            Assert.Equal((7, 2, 2, 1), (figures.Funnel.Contracted, figures.Funnel.Delivered, figures.Funnel.HandedOver, figures.Funnel.Deployed));
            Assert.Equal(2 * 4_400m + 5 * 1_100m, figures.Budget.Contracted);
        }
        async Task<List<Guid>> KnownToMaintenanceAsync()   // every page: at full size there are more cameras than one page holds
        {
            var known = new List<Guid>();
            for (var page = 1; ; page++)
            {
                var items = (await technician.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", page: page, pageSize: 200)).Items;
                known.AddRange(items.Select(a => a.AssetId));
                if (items.Count < 200) return known;
            }
        }
        var known = await Poll.UntilAsync(KnownToMaintenanceAsync, k => deployed.All(d => k.Contains(d.Id)), deadline, "maintenance to know every deployed camera");
        foreach (var asset in deployed) Assert.Single(known, id => id == asset.Id);

        foreach (var service in EquipmentSystem.Services)
            await Poll.UntilAsync(() => BacklogAsync(service), backlog => backlog == 0, deadline, $"{service}'s outbox to drain");
        var sidecar = await Poll.UntilAsync(SidecarAsync, m => m["pendingDeliveries"] == "0", deadline, "the sidecar to deliver everything");
        Assert.Equal(("0", "0", "0"), (sidecar["droppedDeliveries"], sidecar["deadLetteredDeliveries"], sidecar["gaveUpDeliveries"]));

        output.WriteLine($"kill suite: {chains} chains, {kills.Count} kills ({string.Join(", ", kills)}), produced in {produced.TotalSeconds:0.0} s, " +
            $"all copies checked after {clock.Elapsed.TotalSeconds:0.0} s: 0 lost, 0 applied twice, outboxes drained, 0 dropped or dead-lettered");
    }

    private async Task<int> BacklogAsync(string service)
    {
        var health = await _direct.GetFromJsonAsync<JsonObject>(new Uri(system[service].Url, "health/ready"));
        return health!["checks"]!["outbox"]!["data"]!["backlog"]!.GetValue<int>();
    }

    private async Task<Dictionary<string, string>> SidecarAsync()
    {
        var metadata = await _direct.GetFromJsonAsync<JsonObject>(new Uri(system[EquipmentSystem.Sidecar].Url, "v1.0/metadata"));
        return metadata!["extended"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }
}
