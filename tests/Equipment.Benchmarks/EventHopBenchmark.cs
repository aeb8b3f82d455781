using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Data;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.Benchmarks;

/// <summary>
/// The event path as the services run it, on real loopback ports: a publisher writes one outbox row per commit (as a
/// request does) with BuildingBlocks' <see cref="OutboxDispatcher{TDbContext}"/> publishing over gRPC to the DevSidecar
/// (its own process, as the AppHost starts it), which delivers to two subscriber apps built as the services build
/// theirs (inbox and handler rows in their own SQLite files). For each rate: the whole hop (commit → handled), the
/// outbox leg (commit → the sidecar stored it) and the sidecar leg (stored → handled), p50/p95/p99/max, and loss.
/// </summary>
public static class EventHopBenchmark
{
    private static readonly string[] Subscribers = ["sub-a", "sub-b"];
    private const string AppApiToken = "the-token-the-sidecar-sends";

    public static async Task<int> RunAsync(double secondsPerRate, int[] rates)
    {
        var work = Directory.CreateTempSubdirectory("equipment-bench-hop-").FullName;
        var sidecarHttp = FreePorts.Next();
        var sidecarGrpc = FreePorts.Next();
        var arrivals = Subscribers.ToDictionary(s => s, _ => new ConcurrentDictionary<int, DateTime>());
        var requested = Subscribers.ToDictionary(s => s, _ => new ConcurrentDictionary<int, DateTime>());
        var apps = new List<WebApplication>();
        foreach (var name in Subscribers) apps.Add(await StartSubscriberAsync(name, Path.Combine(work, name + ".db"), new Arrivals(arrivals[name], requested[name])));
        using var sidecar = StartSidecar(work, sidecarHttp, sidecarGrpc, apps.Select((a, i) => (Subscribers[i], a.Urls.Single())).ToList());
        Environment.SetEnvironmentVariable("DAPR_GRPC_ENDPOINT", $"http://127.0.0.1:{sidecarGrpc}");
        using var publisher = await StartPublisherAsync(Path.Combine(work, "ledger.db"));
        var committed = new ConcurrentDictionary<int, DateTime>();
        var next = 0;

        try
        {
            // Warm-up: the subscriptions are discovered and every part has handled an event.
            await PublishAsync(publisher, committed, () => Interlocked.Increment(ref next), rate: 20, count: 20);
            await UntilAsync(() => arrivals.Values.All(a => a.Count >= 20), TimeSpan.FromSeconds(60), "the warm-up events to arrive");

            if (Environment.GetEnvironmentVariable("HOP_PROBE") == "1")
            {
                var dapr = publisher.Services.GetRequiredService<Dapr.Client.DaprClient>();
                var body = System.Text.Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"probe\",\"type\":\"t\",\"data\":{\"index\":0}}");
                var sw = Stopwatch.StartNew();
                for (var k = 0; k < 300; k++) await dapr.PublishByteEventAsync("pubsub", "probe", body, "application/cloudevents+json");
                Console.WriteLine($"grpc publish: {sw.Elapsed.TotalMilliseconds / 300:0.00} ms each");
                await using var scope = publisher.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
                sw.Restart();
                for (var k = 0; k < 300; k++) { db.Publish(new HopEvent(-1) { OccurredAt = DateTimeOffset.UtcNow }); await db.SaveChangesAsync(); }
                Console.WriteLine($"outbox commit: {sw.Elapsed.TotalMilliseconds / 300:0.00} ms each");
                sw.Restart();
                for (var k = 0; k < 300; k++) await OutboxDispatcher<LedgerDbContext>.ClaimAsync(db, new OutboxOptions(), DateTime.UtcNow.AddYears(-1), "probe", default);
                Console.WriteLine($"claim (nothing due): {sw.Elapsed.TotalMilliseconds / 300:0.00} ms each");
            }
            Console.WriteLine($"Event hop, 2 subscribers, {secondsPerRate:0.#} s per rate, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine("| events/s asked | sent | delivered/s | lost | hop p50 | p95 | p99 | max | outbox p50 | outbox p99 | sidecar p50 | sidecar p99 | of which in the app p50 | p99 |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var rate in rates)
            {
                var first = next + 1;
                var count = (int)Math.Max(1, rate * secondsPerRate);
                var clock = Stopwatch.StartNew();
                await PublishAsync(publisher, committed, () => Interlocked.Increment(ref next), rate, count);
                var indexes = Enumerable.Range(first, count).ToList();
                var deadline = TimeSpan.FromSeconds(Math.Max(60, secondsPerRate * 3));
                var all = await UntilAsync(() => arrivals.Values.All(a => indexes.All(a.ContainsKey)), deadline, null);
                var elapsed = clock.Elapsed;
                var stored = StoredAt(work, first, first + count - 1);

                var hop = new List<double>();
                var outbox = new List<double>();
                var leg = new List<double>();
                var inApp = new List<double>();
                var lost = 0;
                var lastArrival = DateTime.MinValue;
                foreach (var i in indexes)
                {
                    if (stored.TryGetValue(i, out var at)) outbox.Add((at - committed[i]).TotalMilliseconds);
                    foreach (var (name, a) in arrivals)
                    {
                        if (!a.TryGetValue(i, out var arrived)) { lost++; continue; }
                        if (requested[name].TryGetValue(i, out var request)) inApp.Add((arrived - request).TotalMilliseconds);
                        hop.Add((arrived - committed[i]).TotalMilliseconds);
                        if (stored.TryGetValue(i, out at)) leg.Add((arrived - at).TotalMilliseconds);
                        if (arrived > lastArrival) lastArrival = arrived;
                    }
                }
                var span = (lastArrival - committed[first]).TotalSeconds;
                Console.WriteLine($"| {rate} | {count} | {(span > 0 ? count / span : 0):0} | {lost} | {P(hop, 50)} | {P(hop, 95)} | {P(hop, 99)} | {P(hop, 100)} | " +
                    $"{P(outbox, 50)} | {P(outbox, 99)} | {P(leg, 50)} | {P(leg, 99)} | {P(inApp, 50)} | {P(inApp, 99)} |" + (all ? "" : $" (gave up waiting after {elapsed.TotalSeconds:0} s)"));
            }
            Console.WriteLine("Latencies in ms; delivered/s = events sent ÷ (last handled − first committed); in the app = from the delivery request's arrival to the handler.");
            return 0;
        }
        finally
        {
            await publisher.StopAsync();
            foreach (var app in apps) await app.DisposeAsync();
            if (!sidecar.HasExited) { sidecar.Kill(entireProcessTree: true); await sidecar.WaitForExitAsync(); }
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { /* kept for a look */ }
        }
    }

    private static string P(List<double> values, int percentile)
    {
        if (values.Count == 0) return "–";
        values.Sort();
        var index = (int)Math.Ceiling(percentile / 100.0 * values.Count) - 1;
        return values[Math.Clamp(index, 0, values.Count - 1)].ToString("0.0");
    }

    /// <summary>Writes <paramref name="count"/> events at <paramref name="rate"/> per second, each in its own commit, from up to 8 writers.</summary>
    private static async Task PublishAsync(IHost publisher, ConcurrentDictionary<int, DateTime> committed, Func<int> nextIndex, int rate, int count)
    {
        var start = Stopwatch.GetTimestamp();
        var issued = 0;
        var writers = Math.Clamp(rate / 25, 1, 8);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > count) return;
                var due = TimeSpan.FromSeconds((n - 1) / (double)rate) - Stopwatch.GetElapsedTime(start);
                if (due > TimeSpan.FromMilliseconds(1)) await Task.Delay(due);
                var index = nextIndex();
                await using var scope = publisher.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
                db.Publish(new HopEvent(index) { OccurredAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
                committed[index] = DateTime.UtcNow;
            }
        }));
    }

    /// <summary>When the sidecar stored each event (its own clock, the same machine's), read from its store.</summary>
    private static Dictionary<int, DateTime> StoredAt(string work, int first, int last)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(work, "sidecar.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Body, ReceivedAt FROM Messages WHERE Topic = $topic";
        command.Parameters.AddWithValue("$topic", HopEvent.Topic);
        var result = new Dictionary<int, DateTime>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var body = JsonDocument.Parse(reader.GetString(0));
            var index = body.RootElement.GetProperty("data").GetProperty("index").GetInt32();
            if (index >= first && index <= last) result[index] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
        }
        return result;
    }

    private static Process StartSidecar(string work, int httpPort, int grpcPort, List<(string AppId, string Url)> apps)
    {
        var configuration = typeof(EventHopBenchmark).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Equipment.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var dll = Path.Combine(root, "deploy", "Equipment.DevSidecar", "bin", configuration, "net10.0", "Equipment.DevSidecar.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var a in (string[])[dll, "--urls", $"http://127.0.0.1:{httpPort}", "--DAPR_GRPC_PORT", grpcPort.ToString(),
                     "--Sidecar:Database", $"Data Source={Path.Combine(work, "sidecar.db")}",                      "--Sidecar:DiscoveryInterval", "00:00:01", "--APP_API_TOKEN", AppApiToken])
            start.ArgumentList.Add(a);
        foreach (var (app, i) in apps.Select((a, i) => (a, i)))
        {
            start.ArgumentList.Add($"--Sidecar:Apps:{i}:AppId"); start.ArgumentList.Add(app.AppId);
            start.ArgumentList.Add($"--Sidecar:Apps:{i}:Url"); start.ArgumentList.Add(app.Url);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };   // its log lines are read and dropped, as a host relaying them would read them
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("sidecar: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<IHost> StartPublisherAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var connection = $"Data Source={database}";
        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddSingleton<OutboxSignal>()
            .AddSingleton<OutboxSignalInterceptor>()
            .AddSingleton(new OutboxOptions())
            .AddDbContextPool<LedgerDbContext>((sp, o) => new DatabaseOptions(DatabaseProvider.Sqlite, connection).Apply(o).AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()))
            .AddDaprMessaging(new DaprOptions { AppId = "ledger" })
            .AddHostedService<OutboxDispatcher<LedgerDbContext>>();
        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await host.StartAsync();
        return host;
    }

    private static async Task<WebApplication> StartSubscriberAsync(string appId, string database, Arrivals arrivals)
    {
        var connection = $"Data Source={database}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        builder.Logging.ClearProviders();
        builder.Services
            .AddDbContextPool<SubscriberDbContext>(o => new DatabaseOptions(DatabaseProvider.Sqlite, connection).Apply(o))
            .AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<SubscriberDbContext>())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(arrivals)
            .AddHttpContextAccessor()
            .AddDaprMessaging(new DaprOptions { AppId = appId, AppApiToken = AppApiToken })
            .AddSubscription<HopEvent, RecordHop>();
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SubscriberDbContext>();
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        app.Use((context, next) =>
        {
            context.Items[Arrivals.RequestArrived] = DateTime.UtcNow;
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseDaprDeliveries();
        app.MapDaprSubscriptions();
        await app.StartAsync();
        return app;
    }

    private static async Task<bool> UntilAsync(Func<bool> done, TimeSpan deadline, string? what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > deadline) return what is null ? false : throw new TimeoutException($"Waited {deadline} for {what}.");
            await Task.Delay(20);
        }
        return true;
    }
}

public sealed record HopEvent(int Index) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "bench.hop";
}

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : ServiceDbContext(options);

public sealed class HandledHop
{
    public int Id { get; set; }
    public int Index { get; set; }
}

public sealed class SubscriberDbContext(DbContextOptions<SubscriberDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HandledHop> Hops => Set<HandledHop>();
}

/// <summary>When a subscriber's handler met each event, and when the delivery request that carried it arrived.</summary>
public sealed record Arrivals(ConcurrentDictionary<int, DateTime> Handled, ConcurrentDictionary<int, DateTime> Requested)
{
    public const string RequestArrived = "bench.request-arrived";
}

/// <summary>A consumer as the services' are: one row written with the inbox row, in the subscription's commit.</summary>
public sealed class RecordHop(SubscriberDbContext db, Arrivals arrivals, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IIntegrationEventHandler<HopEvent>
{
    public Task HandleAsync(HopEvent @event, CancellationToken cancellationToken)
    {
        db.Hops.Add(new HandledHop { Index = @event.Index });
        if (arrivals.Handled.TryAdd(@event.Index, DateTime.UtcNow) && http.HttpContext?.Items[Arrivals.RequestArrived] is DateTime arrived)
            arrivals.Requested.TryAdd(@event.Index, arrived);
        return Task.CompletedTask;
    }
}
