extern alias inventory;
using System.Diagnostics;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using inventory::Equipment.Inventory.Data;
using inventory::Equipment.Inventory.Domain;
using Equipment.Testing;
using Equipment.Inventory.Contracts.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Equipment.Benchmarks;

/// Fills a real SQLite inventory with N assets (default 100,000) through the domain, then times the asset register's
/// queries through HTTP: median of 7 runs after one warm-up, and the bytes allocated per request in this process.
public static class RegisterBenchmark
{
    public static async Task<int> RunAsync(int count)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Equipment.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EQUIPMENT_INVENTORY", Path.Combine(root, "services", "Inventory", "Equipment.Inventory"));
        await using var factory = new ServiceFactory<inventory::Program>();
        using var client = factory.ClientAs(Roles.Administrator);

        var fill = Stopwatch.StartNew();
        var grantId = Guid.NewGuid();
        const int perShipment = 10_000;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
            db.KnownGrants.Add(new KnownGrant(grantId, "G-BENCH", "EU-DGNEAR", "ICMPD",
                [new KnownCrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56, null), new KnownCrossingPoint("TN-DEHIBA-WAZIN", "Dehiba–Wazin", "TN", "LY", 31.99, 10.70, null)]));
            await db.SaveChangesAsync();
            var categories = new[] { "ThermalCamera", "Radio", "DocumentExaminationKit", "PatrolVehicle" };
            for (var batch = 0; batch * perShipment < count; batch++)
            {
                var size = Math.Min(perShipment, count - batch * perShipment);
                var delivery = ExpectedDelivery.ForContractLine(Guid.NewGuid(), $"C-{batch:D3}", 1, grantId, "EU-DGNEAR", "Supplier", categories[batch % 4], "Item", size, 1_000m, "EUR",
                    "TN-RAS-AJDIR", null, new DateOnly(2026, 1, 1), 24, new DateOnly(2025, 1, 1));
                var shipment = Shipment.Dispatch($"WB-{batch:D5}", "Carrier", new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 5), [(delivery, size)]);
                shipment.Arrive(new DateOnly(2025, 2, 5), "WH-1");
                var (note, assets, custody) = GoodsReceivedNote.Record($"GRN-{batch:D5}", shipment, new Dictionary<Guid, ExpectedDelivery> { [delivery.Id] = delivery },
                    [new ReceiptInput(1, Enumerable.Range(0, size).Select(i => new ReceivedUnit($"SN{batch:D3}-{i:D6}", "Make", "Model", i % 3 == 0, "photo")).ToList(), 0, null)],
                    new DateOnly(2025, 2, 5), 30, "ICMPD", "bench", DateTime.UtcNow);
                db.ExpectedDeliveries.Add(delivery);
                db.Shipments.Add(shipment);
                db.GoodsReceivedNotes.Add(note);
                db.Assets.AddRange(assets);
                db.CustodyLog.AddRange(custody);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        Console.WriteLine($"filled {count:N0} assets in {fill.Elapsed.TotalSeconds:F1} s ({new FileInfo(factory.DatabasePath).Length / 1024 / 1024} MB)");

        var measurements = new (string Name, string Path)[]
        {
            ("first page, by serial", "/api/inventory/assets?pageSize=50"),
            ("page 1,000, by serial", "/api/inventory/assets?pageSize=50&page=1000"),
            ("filter grant + status, by received date desc", $"/api/inventory/assets?grantId={grantId}&status=Received&sort=-receivedOn&pageSize=50"),
            ("filter category, by value desc", "/api/inventory/assets?category=Radio&sort=-value&pageSize=50"),
            ("serial text search", "/api/inventory/assets?serial=004-00012&pageSize=50"),
            ("one asset's passport", null!),
            ("CSV export of the whole register", "/api/inventory/assets/export.csv"),
        };
        var someAsset = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/inventory/assets?pageSize=1&page=777"))!["items"]![0]!["id"]!.GetValue<Guid>();
        measurements[5].Path = $"/api/inventory/assets/{someAsset}/passport";

        Console.WriteLine($"{"request",-48} {"median ms",10} {"min ms",8} {"KB allocated",13} {"response KB",12}");
        foreach (var (name, path) in measurements)
        {
            var times = new List<double>();
            long bytes = 0, allocated = 0;
            for (var run = 0; run < 8; run++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                if (run == 0) continue;                                     // warm-up
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = body.Length;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
            times.Sort();
            Console.WriteLine($"{name,-48} {times[times.Count / 2],10:F1} {times[0],8:F1} {allocated / 1024,13:N0} {bytes / 1024,12:N0}");
        }

        // Throughput of the register's first page: 4 clients for a few seconds; the CPU time this process spent per request
        // (server and in-process client together) gives requests per second per core, which a busy machine disturbs less
        // than wall time.
        var seconds = count >= 10_000 ? 10 : 2;
        var served = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (wall.Elapsed.TotalSeconds < seconds)
            {
                using var response = await client.GetAsync("/api/inventory/assets?pageSize=50");
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref served);
            }
        }));
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        Console.WriteLine($"first page, 4 clients for {seconds} s: {served / wall.Elapsed.TotalSeconds:N0} req/s, {cpu / served:F2} ms CPU per request " +
            $"= {served / (cpu / 1000):N0} req/s per core");
        return 0;
    }
}
