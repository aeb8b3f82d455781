using System.Diagnostics;
using System.Text;
using Equipment.ApiClient;
using Equipment.AppHost;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Contracts.Api;
using Equipment.Procurement.Contracts.Api;

namespace Equipment.Benchmarks;

/// <summary>
/// N units from a signed contract to N deployed and known downstream, on the running system through the gateway, as the
/// people who do it: inventory learns the contract (an event), logistics dispatches and receives the shipment by CSV import
/// of N serials, accepts the goods, hands them over (certificates of at most 500 assets) and deploys each unit (8 at a time,
/// one request per unit, as the portal's bulk deploy does); the figures end when the donor's funnel (donor-reporting) and
/// maintenance both count N. Each stage is timed; the gateway's per-user rate limit is lifted for the run, as for a load test.
/// </summary>
public static class ChainBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<int> sizes)
    {
        await using var system = await AppHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["RateLimiting__PermitLimit"] = "100000000",
            ["RateLimiting__QueueLimit"] = "10000",
        });
        if (system is null) return 1;
        var gateway = new Uri($"http://127.0.0.1:{AppHostProcess.Gateway}/");
        var admin = await EquipmentApi.SignInAsync(gateway, "admin", "demo");
        var officer = await EquipmentApi.SignInAsync(gateway, "officer", "demo");
        var logistics = await EquipmentApi.SignInAsync(gateway, "logistics", "demo");
        var technician = await EquipmentApi.SignInAsync(gateway, "technician", "demo");
        var deadline = TimeSpan.FromMinutes(15);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Console.WriteLine($"N units from signature to deployed and known downstream, through the gateway; {Environment.ProcessorCount} cores, {AppHostProcess.Configuration} build, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("| units | inventory expects them (s) | CSV import of N serials (s) | accepted (s) | handed over (s) | deployed, one request each (s) | deploys/s | donor and maintenance know (s) | signature to known (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var units in sizes)
        {
            var token = Guid.NewGuid().ToString("N")[..8];
            var grant = await admin.Reporting.RegisterGrantAsync(new RegisterGrantRequest($"BENCH/{token}", $"Chain benchmark, {units} units", "EU-DGNEAR",
                FundingInstrument.NdiciGlobalEurope, "ICMPD", 4_000_000m, new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31), ["TN"],
                [new CrossingPointInput("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.1536, 11.5637)],
                [new BudgetLineInput("EQ-1", "Communications equipment", 1_000_000m)]));
            await Poll.UntilAsync(() => officer.Procurement.ListKnownGrantsAsync(), g => g.Any(k => k.GrantId == grant.Id), deadline, "procurement to learn the grant");
            var supplier = await officer.Procurement.RegisterSupplierAsync(new RegisterSupplierRequest($"Bench Radios {token}", "DE", $"HRB {token}", "Desk", "desk@example.org"));
            var maintainedBefore = (await technician.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 1)).TotalCount;
            var (_, contract) = await ProcurementRun.ToSignedContractAsync(officer, grant.Id, $"B-{token}", $"{units} radios",
                [new RaiseRequisitionRequest(grant.Id, "EQ-1", "Radio", "Handheld radio", units, 1.5m, "TN-RAS-AJDIR", null, today.AddDays(60))],
                [new Offer(supplier.Id, [1m], "DE")], invited: [supplier.Id]);

            var clock = Stopwatch.StartNew();
            var expected = await Poll.UntilAsync(() => logistics.Inventory.ListExpectedDeliveriesAsync(contract.Id), p => p.TotalCount >= 1, deadline, "inventory to expect the contract");
            var known = clock.Elapsed;

            var shipment = await logistics.Inventory.DispatchAsync(new DispatchShipmentRequest($"WB-{token}", "Bench Freight", today, today,
                [new DispatchShipmentLine(expected.Items[0].Id, units)]));
            await logistics.Inventory.MarkInTransitAsync(shipment.Id);
            await logistics.Inventory.ArriveAsync(shipment.Id, new RecordArrivalRequest(today, "TN-TUNIS-WH"));
            var csv = new StringBuilder("contractLineNumber,serialNumber,manufacturer,model,visibilityMarking,visibilityEvidence\n");
            for (var i = 1; i <= units; i++) csv.Append($"{expected.Items[0].ContractLineNumber},SN-{token}-{i:D6},Bench,R1,true,photo/WB-{token}/{i:D6}.jpg\n");
            var importStart = clock.Elapsed;
            var import = await logistics.Inventory.ImportReceiptsAsync(shipment.Id, today, new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            import = await Poll.UntilAsync(() => logistics.Inventory.GetImportAsync(import.Id), j => j.Status is not (ImportStatus.Queued or ImportStatus.Running), deadline, "the import");
            if (import.GoodsReceivedNoteId is not { } noteId) { Console.Error.WriteLine($"import ended {import.Status}: {string.Join("; ", import.Errors.Take(3))}"); return 1; }
            var imported = clock.Elapsed - importStart;

            var acceptStart = clock.Elapsed;
            await logistics.Inventory.AcceptGoodsAsync(noteId, new AcceptGoodsRequest(today));
            var accepted = clock.Elapsed - acceptStart;

            var handStart = clock.Elapsed;
            var ids = new List<Guid>(units);
            for (var page = 1; ids.Count < units; page++)
            {
                var batch = await logistics.Inventory.ListAssetsAsync(contractId: contract.Id, page: page, pageSize: 200);
                if (batch.Items.Count == 0) break;
                ids.AddRange(batch.Items.Select(a => a.Id));
            }
            var authority = new Representative("Col. Bench", "Director of border equipment");
            foreach (var chunk in ids.Chunk(500))
                await logistics.Inventory.HandOverAsync(new HandOverAssetsRequest(today, "Tunis", new Representative("Bench Officer", "ICMPD"), "Garde nationale (Tunisia)", authority, chunk));
            var handedOver = clock.Elapsed - handStart;

            var deployStart = clock.Elapsed;
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (id, ct) => await logistics.Inventory.DeployAsync(id, new DeployAssetRequest("TN-RAS-AJDIR", today), ct));
            var deployed = clock.Elapsed - deployStart;

            var downstreamStart = clock.Elapsed;
            await Poll.UntilAsync(() => admin.Reporting.GetGrantAsync(grant.Id), g => g.Figures.Funnel.Deployed >= units, deadline, "the donor's funnel to count every unit deployed");
            await Poll.UntilAsync(() => technician.Maintenance.ListAssetsAsync("TN-RAS-AJDIR", pageSize: 1), p => p.TotalCount >= maintainedBefore + units, deadline, "maintenance to know every unit");
            var downstream = clock.Elapsed - downstreamStart;

            Console.WriteLine($"| {units:N0} | {known.TotalSeconds:0.0} | {imported.TotalSeconds:0.0} | {accepted.TotalSeconds:0.0} | {handedOver.TotalSeconds:0.0} | " +
                              $"{deployed.TotalSeconds:0.0} | {units / deployed.TotalSeconds:N0} | {downstream.TotalSeconds:0.0} | {clock.Elapsed.TotalSeconds:0.0} |");
        }
        return 0;
    }
}
