extern alias donor;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using donor::Equipment.DonorReporting.Data;
using donor::Equipment.DonorReporting.Domain;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Procurement.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Equipment.Benchmarks;

/// <summary>
/// The donor's figures at scale: for each size N, a real SQLite donor-reporting database with one grant (3 agreed
/// crossing points, one contract) and N tracked assets, each registered, handed over and deployed, with 10 status
/// records and, one in ten, a fault and its repair. Then the grant's summary, report.html, report.xlsx, report.csv and
/// the IATI file through HTTP as an Administrator: median of 5 after a warm-up, response size, bytes allocated per
/// request in this process and the growth of the process's peak working set. Every answer must be 200, non-empty and
/// agree with what was filled, or the suite fails.
/// </summary>
public static class DonorFiguresBenchmark
{
    /// <summary>Up to this size the assets are entered through the service's own event handlers; above it, through the domain methods they call.</summary>
    private const int HandlerFillLimit = 10_000;
    private const int StatusesPerAsset = 10;
    private static readonly string[] Points = ["TN-RAS-AJDIR", "TN-DEHIBA-WAZIN", "TN-TABARKA"];
    private static readonly DateOnly GrantStart = new(2025, 1, 1), GrantEnd = new(2028, 12, 31);
    private static readonly DateOnly DeployedFrom = new(2025, 3, 1);

    public static async Task<int> RunAsync(int[] sizes)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Equipment.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EQUIPMENT_DONORREPORTING",
            Path.Combine(root, "services", "DonorReporting", "Equipment.DonorReporting"));

        var rows = new List<string>();
        var failures = new List<string>();
        foreach (var size in sizes) await RunSizeAsync(size, rows, failures);

        Console.WriteLine($"Donor's figures, one grant, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        Console.WriteLine("| assets | status records | request | median ms | min ms | response KB | KB allocated per request | peak working set growth MB |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows) Console.WriteLine(row);
        foreach (var failure in failures) Console.Error.WriteLine($"FAILED: {failure}");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task RunSizeAsync(int count, List<string> rows, List<string> failures)
    {
        await using var factory = new ServiceFactory<donor::Program>();
        using var client = factory.ClientAs(Roles.Administrator);

        var grantId = await RegisterGrantAsync(client);
        var fill = Stopwatch.StartNew();
        var via = count <= HandlerFillLimit ? "the event handlers" : "the handlers' domain methods";
        if (count <= HandlerFillLimit) await FillThroughHandlersAsync(factory, grantId, count);
        else await FillThroughDomainAsync(factory, grantId, count);
        var statusRecords = await factory.WithDbAsync<ReportingDbContext, int>(db => db.StatusRecords.CountAsync());
        Console.WriteLine($"filled {count:N0} assets and {statusRecords:N0} status records through {via} in {fill.Elapsed.TotalSeconds:F1} s " +
            $"({DatabaseMegabytes(factory.DatabasePath)} MB with its WAL), load average {LoadAverage()}");

        var requests = new (string Name, string Path, Func<byte[], string?> Check)[]
        {
            ("grant summary", $"/api/reporting/grants/{grantId}", body => CheckSummary(body, count)),
            ("report.html", $"/api/reporting/grants/{grantId}/report.html", body => Contains(body, "<html")),
            ("report.xlsx", $"/api/reporting/grants/{grantId}/report.xlsx", body => body is [(byte)'P', (byte)'K', ..] ? null : "not a zip (xlsx) file"),
            ("report.csv", $"/api/reporting/grants/{grantId}/report.csv", body => CheckCsv(body, count)),
            ("IATI activities", "/api/reporting/iati/activities", body => Contains(body, "<iati-activity")),
        };
        foreach (var (name, path, check) in requests)
        {
            var times = new List<double>();
            long size = 0, allocated = 0;
            GC.Collect();
            var workingSetBefore = ResetPeakWorkingSet();
            for (var run = 0; run < 6; run++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                var spent = GC.GetTotalAllocatedBytes(precise: true) - before;
                if (response.StatusCode != System.Net.HttpStatusCode.OK || body.Length == 0)
                {
                    failures.Add($"{name} at {count:N0} assets: {(int)response.StatusCode}, {body.Length} bytes: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
                    break;
                }
                if (run == 0)
                {
                    if (check(body) is { } wrong) failures.Add($"{name} at {count:N0} assets: {wrong}");
                    continue;                                                 // warm-up
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
                size = body.Length;
                allocated += spent;
            }
            if (times.Count == 0) continue;
            times.Sort();
            var growth = Math.Max(0, Peak() - workingSetBefore) / 1024.0 / 1024;
            rows.Add($"| {count:N0} | {statusRecords:N0} | {name} | {times[times.Count / 2]:N1} | {times[0]:N1} | {size / 1024.0:N0} | {allocated / times.Count / 1024:N0} | {growth:N0} |");
        }
    }

    private static async Task<Guid> RegisterGrantAsync(HttpClient client)
    {
        (await client.PostAsJsonAsync("/api/reporting/donors", new { code = "EU-BENCH", name = "Benchmark donor" })).EnsureSuccessStatusCode();
        var response = await client.PostAsJsonAsync("/api/reporting/grants", new
        {
            reference = "G-BENCH", title = "Border equipment at scale", donorCode = "EU-BENCH", instrument = "NdiciGlobalEurope",
            implementingPartner = "ICMPD", amount = 500_000_000m, startDate = GrantStart, endDate = GrantEnd, beneficiaryCountries = new[] { "TN" },
            crossingPoints = new object[]
            {
                new { code = Points[0], name = "Ras Ajdir", countryCode = "TN", neighbourCountryCode = "LY", latitude = 33.15, longitude = 11.56 },
                new { code = Points[1], name = "Dehiba–Wazin", countryCode = "TN", neighbourCountryCode = "LY", latitude = 31.99, longitude = 10.70 },
                new { code = Points[2], name = "Tabarka", countryCode = "TN", neighbourCountryCode = "DZ", latitude = 36.95, longitude = 8.75 },
            },
        });
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"grant not registered: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
    }

    // What happens to asset i, the same whichever way it is entered: received and registered, handed over, deployed at
    // one of the crossing points (contract line i % 3 + 1), then 10 status changes 20 days apart, the last UnderRepair
    // for one asset in four, else Operational; one in ten has a fault and its repair. All of it before today, so that
    // every asset's figure columns hold for the period (none is read with its history).
    private static readonly OperationalStatus[] Cycle =
        [OperationalStatus.Operational, OperationalStatus.Degraded, OperationalStatus.Operational, OperationalStatus.UnderRepair, OperationalStatus.Operational,
         OperationalStatus.OutOfService, OperationalStatus.Operational, OperationalStatus.Degraded, OperationalStatus.Operational];

    private static Guid AssetId(int i) => new(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
    private static int Line(int i) => i % Points.Length + 1;
    private static DateOnly ReceivedOn(int i) => DeployedFrom.AddDays(i % 200 - 10);
    private static DateOnly DeployedOn(int i) => DeployedFrom.AddDays(i % 200);
    private static DateTime StatusAt(int i, int k) => DeployedOn(i).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddDays(20 * k).AddSeconds(i % 3600);
    private static OperationalStatus StatusOf(int i, int k) => k < StatusesPerAsset - 1 ? Cycle[k] : i % 4 == 0 ? OperationalStatus.UnderRepair : OperationalStatus.Operational;
    private static int ExpectedOperational(int count) => count - (count + 3) / 4;

    private static readonly Guid ContractId = new("00000000-0000-0000-0000-00000000c0de");

    /// <summary>The grant's one contract, a line per crossing point, for all N units (always entered through its handler).</summary>
    private static ContractSigned Contract(Guid grantId, int count) =>
        new(ContractId, "C-BENCH", grantId, "EU-BENCH", "Supplier", "FR", new DateOnly(2025, 1, 15), "EUR",
            Enumerable.Range(1, Points.Length).Select(n => new ContractLineSigned(n, "ThermalCamera", "Thermal camera", (count + Points.Length - n) / Points.Length,
                1_250.50m, Points[n - 1], new DateOnly(2025, 6, 1), 24)).ToList()) { OccurredAt = DateTimeOffset.UtcNow };

    /// <summary>Every event as the service's subscriptions deliver it: the registered handler, a few thousand events per SaveChanges (as the inbox commits one).</summary>
    private static async Task FillThroughHandlersAsync(ServiceFactory<donor::Program> factory, Guid grantId, int count)
    {
        var at = DateTimeOffset.UtcNow;
        await HandleAsync(factory, [Contract(grantId, count)]);
        const int assetsPerBatch = 250;
        for (var first = 0; first < count; first += assetsPerBatch)
        {
            var events = new List<IntegrationEvent>();
            var ids = Enumerable.Range(first, Math.Min(assetsPerBatch, count - first)).ToList();
            foreach (var i in ids)
                events.Add(new AssetRegistered(AssetId(i), $"SN-{i:D7}", "ThermalCamera", "Thermal camera", grantId, "EU-BENCH", ContractId, Line(i), 1_250.50m, "EUR",
                    ReceivedOn(i), ReceivedOn(i).AddYears(2)) { OccurredAt = at, Manufacturer = "Make", Model = $"M{i % 5}" });
            events.Add(new AssetsHandedOver(Guid.NewGuid(), $"HC-{first:D7}", grantId, "EU-BENCH", "ICMPD", "Garde nationale", DeployedFrom.AddDays(-5),
                ids.Select(AssetId).ToList()) { OccurredAt = at });
            foreach (var i in ids)
            {
                events.Add(new AssetDeployed(AssetId(i), grantId, "EU-BENCH", Points[Line(i) - 1], DeployedOn(i)) { OccurredAt = at, DestinationCrossingPointCode = Points[Line(i) - 1] });
                for (var k = 0; k < StatusesPerAsset; k++)
                    events.Add(new AssetStatusChanged(AssetId(i), StatusOf(i, k), StatusAt(i, k), null) { OccurredAt = at });
                if (i % 10 == 0)
                {
                    var fault = Guid.NewGuid();
                    events.Add(new FaultReported(fault, AssetId(i), grantId, StatusAt(i, 3), FaultSeverity.High) { OccurredAt = at });
                    events.Add(new FaultRepaired(fault, Guid.NewGuid(), AssetId(i), grantId, StatusAt(i, 3), DateOnly.FromDateTime(StatusAt(i, 4))) { OccurredAt = at });
                }
            }
            await HandleAsync(factory, events);
        }
    }

    private static async Task HandleAsync(ServiceFactory<donor::Program> factory, IReadOnlyList<IntegrationEvent> events)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        foreach (var e in events)
        {
            // The handler the service's subscription calls for this event type (IIntegrationEventHandler<T>, scoped).
            var handler = scope.ServiceProvider.GetRequiredService(typeof(IIntegrationEventHandler<>).MakeGenericType(e.GetType()));
            await (Task)handler.GetType().GetMethod("HandleAsync")!.Invoke(handler, [e, CancellationToken.None])!;
        }
        await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().SaveChangesAsync();
    }

    /// <summary>
    /// The same assets through the domain methods the handlers call (<see cref="TrackedAsset.Registered"/>, HandedOver,
    /// Deployed, then <see cref="TrackedAsset.RefreshFigures"/> on the asset's whole history, which is what the last
    /// handler of each asset leaves in its columns), a thousand assets per SaveChanges.
    /// </summary>
    private static async Task FillThroughDomainAsync(ServiceFactory<donor::Program> factory, Guid grantId, int count)
    {
        await HandleAsync(factory, [Contract(grantId, count)]);
        const int assetsPerBatch = 1_000;
        for (var first = 0; first < count; first += assetsPerBatch)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(first + assetsPerBatch, count); i++)
            {
                var asset = new TrackedAsset(AssetId(i), grantId);
                asset.Registered($"SN-{i:D7}", "ThermalCamera", "Thermal camera", 1_250.50m, ContractId, Line(i), ReceivedOn(i), "Make", $"M{i % 5}");
                asset.HandedOver(DeployedFrom.AddDays(-5), "Garde nationale");
                asset.Deployed(Points[Line(i) - 1], DeployedOn(i));
                var history = Enumerable.Range(0, StatusesPerAsset).Select(k => new StatusRecord(Guid.NewGuid(), AssetId(i), StatusOf(i, k).ToString(), StatusAt(i, k))).ToList();
                var faults = new List<FaultRecord>();
                var repairs = new List<RepairRecord>();
                if (i % 10 == 0)
                {
                    var fault = Guid.NewGuid();
                    faults.Add(new FaultRecord(fault, grantId, AssetId(i), StatusAt(i, 3)));
                    repairs.Add(new RepairRecord(Guid.NewGuid(), fault, grantId, AssetId(i), StatusAt(i, 3), DateOnly.FromDateTime(StatusAt(i, 4))));
                }
                asset.RefreshFigures(history, faults, repairs, (GrantStart, GrantEnd));
                db.TrackedAssets.Add(asset);
                db.StatusRecords.AddRange(history);
                db.FaultRecords.AddRange(faults);
                db.RepairRecords.AddRange(repairs);
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The summary counts what was filled: every asset delivered, handed over and deployed, the expected number operational.</summary>
    private static string? CheckSummary(byte[] body, int count)
    {
        var figures = JsonNode.Parse(body)!["figures"]!;
        var funnel = figures["funnel"]!;
        var expected = new Dictionary<string, int>
        {
            ["contracted"] = count, ["delivered"] = count, ["handedOver"] = count, ["deployed"] = count, ["operational"] = ExpectedOperational(count),
        };
        foreach (var (field, value) in expected)
            if (funnel[field]!.GetValue<int>() != value) return $"funnel {field} is {funnel[field]}, filled {value}: {funnel.ToJsonString()}";
        var perPoint = figures["crossingPoints"]!.AsArray().Sum(p => p!["funnel"]!["deployed"]!.GetValue<int>());
        if (perPoint != count) return $"the crossing points' deployed add up to {perPoint}, filled {count}";
        var availability = figures["availability"]?.GetValue<double>();
        if (availability is not (> 0 and < 1)) return $"availability {availability} is not strictly between 0 and 1";
        var delivered = figures["budget"]!["delivered"]!.GetValue<decimal>();
        if (delivered != count * 1_250.50m) return $"delivered value {delivered}, filled {count * 1_250.50m}";
        var failures = figures["reliability"]!["byModel"]!.AsArray().Sum(m => m!["failures"]!.GetValue<int>());
        if (failures != (count + 9) / 10) return $"{failures} failures in the reliability figures, filled {(count + 9) / 10}";
        return null;
    }

    private static string? CheckCsv(byte[] body, int count)
    {
        var lines = body.Count(b => b == (byte)'\n');
        return lines >= count + 1 ? null : $"{lines} lines for {count:N0} assets";
    }

    private static string? Contains(byte[] body, string text) =>
        Encoding.UTF8.GetString(body).Contains(text, StringComparison.Ordinal) ? null : $"no {text} in the answer";

    /// <summary>Resets the peak resident set (Linux: /proc/self/clear_refs 5) so that each request's peak is its own; returns the resident set now.</summary>
    private static long ResetPeakWorkingSet()
    {
        var reset = true;
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { reset = false; /* not Linux: growth is then of the process's all-time peak */ }
        using var self = Process.GetCurrentProcess();
        return reset ? self.WorkingSet64 : self.PeakWorkingSet64;
    }

    private static long Peak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static long DatabaseMegabytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024 / 1024;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
