using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Equipment.AppHost;

/// <summary>
/// Aspire starts a part once and leaves it exited when it crashes; this restarts it. A part that ends with a non-zero exit
/// code (a crash, or kill -9) is started again after a back-off that doubles from 1 s up to 60 s and is forgiven after
/// 2 minutes of running; a part stopped from the dashboard (exit code 0) stays stopped until it is started there. The other
/// parts keep running meanwhile: what the restarted part missed waits for it in the outboxes and in the sidecar's retries.
/// </summary>
public sealed class RestartCrashedParts(ResourceNotificationService notifications, ResourceCommandService commands, ILogger<RestartCrashedParts> logger,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Forgiven = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, (int Crashes, DateTime LastStart)> _history = new();
    private readonly ConcurrentDictionary<string, bool> _restarting = new();
    private readonly ConcurrentDictionary<string, string?> _lastState = new();

    /// <summary>Restarts done, by part (resource name): the tests read it.</summary>
    public ConcurrentDictionary<string, int> Restarts { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (!EquipmentSystem.Parts.Contains(change.Resource.Name)) continue;
            var state = change.Snapshot.State?.Text;
            var previous = _lastState.GetValueOrDefault(change.ResourceId);
            _lastState[change.ResourceId] = state;
            if (state == KnownResourceStates.Running)
            {
                _history.AddOrUpdate(change.ResourceId, _ => (0, DateTime.UtcNow), (_, h) => h with { LastStart = DateTime.UtcNow });
                continue;
            }
            // Stopped on purpose (the dashboard's Stop, or the AppHost stopping) is not a crash.
            var asked = previous == KnownResourceStates.Stopping || change.Snapshot.ExitCode is 0 || lifetime.ApplicationStopping.IsCancellationRequested;
            if (state is not ("Exited" or "Finished" or "FailedToStart") || asked || state == previous) continue;
            if (!_restarting.TryAdd(change.ResourceId, true)) continue;
            _ = RestartAsync(change.ResourceId, change.Resource.Name, change.Snapshot.ExitCode, stoppingToken);
        }
    }

    private async Task RestartAsync(string resourceId, string name, int? exitCode, CancellationToken stoppingToken)
    {
        try
        {
            var (crashes, lastStart) = _history.GetValueOrDefault(resourceId, (0, DateTime.UtcNow));
            if (DateTime.UtcNow - lastStart > Forgiven) crashes = 0;
            var delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(crashes, 16)));
            _history[resourceId] = (crashes + 1, lastStart);
            logger.LogWarning("{Part} exited with code {ExitCode}; starting it again in {Delay:0.#} s (crash {Crash} in a row)",
                name, exitCode, delay.TotalSeconds, crashes + 1);
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (result.Success)
            {
                Restarts.AddOrUpdate(name, 1, (_, n) => n + 1);
                logger.LogInformation("{Part} started again", name);
            }
            else
            {
                logger.LogError("{Part} could not be started again: {Error}. Start it from the dashboard.", name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost is stopping
        }
        finally
        {
            _restarting.TryRemove(resourceId, out _);
        }
    }
}

/// <summary>
/// Waits, with a deadline, until every part is healthy, saying every 15 s which parts are still starting and why; then
/// seeds the demo data once (through the gateway, as users would) and prints where to go and how to sign in. At the
/// deadline it names the late parts and stops the AppHost.
/// </summary>
public sealed class StartupReport(EquipmentSystem system, ResourceNotificationService notifications, ILogger<StartupReport> logger, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(15);

    /// <summary>Completes when the system is running (seeded, unless --no-seed).</summary>
    public TaskCompletionSource Running { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;   // the deadline runs from here: a test process starts many systems one after another
        var processStarted = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var latest = new ConcurrentDictionary<string, CustomResourceSnapshot>();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watch = Task.Run(async () =>
        {
            await foreach (var change in notifications.WatchAsync(watching.Token))
                if (EquipmentSystem.Parts.Contains(change.Resource.Name)) latest[change.ResourceId] = change.Snapshot;
        }, watching.Token);

        // One instance per part: its own readiness probe, asked every 100 ms, says the moment it is ready (Aspire's health
        // checks back off to 5 s between tries while a part starts). With replicas, Aspire's view of every instance.
        var healthy = system.Options.Replicas > 1
            ? Task.WhenAll(EquipmentSystem.Parts.Select(p => notifications.WaitForResourceHealthyAsync(p, stoppingToken)))
            : Task.WhenAll(system.ReadinessProbes.Values.Select(probe => ReadyAsync(probe, stoppingToken)));
        try
        {
            while (!healthy.IsCompleted)
            {
                var elapsed = DateTime.UtcNow - started;
                if (elapsed > system.Options.StartDeadline)
                {
                    var late = Late(latest);
                    logger.LogCritical("Not running after {Seconds:0} s; late: {Late}. See their logs in the dashboard ({Dashboard}) or raise --start-deadline.",
                        elapsed.TotalSeconds, late, system.DashboardUrl);
                    Running.TrySetException(new TimeoutException($"Not running after {elapsed.TotalSeconds:0} s; late: {late}"));
                    Environment.ExitCode = 1;
                    lifetime.StopApplication();
                    return;
                }
                if (await Task.WhenAny(healthy, Task.Delay(ReportEvery, stoppingToken)) != healthy)
                    logger.LogInformation("Starting for {Seconds:0} s; waiting for {Late}", (DateTime.UtcNow - started).TotalSeconds, Late(latest));
            }
            await healthy;
            await watching.CancelAsync();

            var seedMarker = Path.Combine(system.DataDirectory, ".demo-seeded");
            if (!system.Options.NoSeed && !File.Exists(seedMarker))
            {
                logger.LogInformation("Seeding demo data through the gateway…");
                await DemoSeed.RunAsync(system.GatewayUrl, message => logger.LogInformation("{Seed}", message), stoppingToken);
                await File.WriteAllTextAsync(seedMarker, DateTime.UtcNow.ToString("O"), stoppingToken);
            }
            PrintBanner(DateTime.UtcNow - processStarted);   // the seconds a user waited
            Running.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Running.TrySetCanceled(stoppingToken);
        }
        catch (Exception e) when (e is HttpRequestException or Equipment.ApiClient.ApiException or TimeoutException or InvalidOperationException)
        {
            logger.LogCritical(e, "The demo seed failed: {Message}. The data folder is left as it is; start with --reset to seed again.", e.Message);
            Running.TrySetException(e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        finally
        {
            await watching.CancelAsync();
            try { await watch; } catch (OperationCanceledException) { /* stopped watching */ }
        }
    }

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private static async Task ReadyAsync(Uri probe, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var answer = await Probe.GetAsync(probe, cancellationToken);
                if (answer.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet, or too busy starting to answer within the timeout
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static string Late(ConcurrentDictionary<string, CustomResourceSnapshot> latest)
    {
        var late = EquipmentSystem.Parts.Select(part =>
            {
                var snapshots = latest.Where(l => l.Key == part || l.Key.StartsWith(part + "-", StringComparison.Ordinal)).Select(l => l.Value).ToList();
                if (snapshots.Count == 0) return $"{part} (not created)";
                var notHealthy = snapshots.Where(s => s.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).ToList();
                if (notHealthy.Count == 0) return null;
                var s = notHealthy[0];
                var health = s.HealthReports.Where(r => r.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    .Select(r => r.Description ?? r.ExceptionText?.Split('\n')[0] ?? r.Status?.ToString()).FirstOrDefault();
                return $"{part} ({s.State?.Text ?? "unknown"}{(health is null ? "" : ": " + health)})";
            })
            .Where(p => p is not null).ToList();
        return late.Count == 0 ? "nothing" : string.Join(", ", late);
    }

    private void PrintBanner(TimeSpan took)
    {
        var gateway = system.GatewayUrl;
        Console.WriteLine();
        Console.WriteLine($"Equipment is running ({took.TotalSeconds:0.0} s). Portal and gateway: {gateway}   (health: {gateway}health)");
        if (system.PublicUrl != gateway) Console.WriteLine($"QR labels open: {system.PublicUrl}assets/…");
        Console.WriteLine($"Dashboard (logs, traces, metrics, restarts): {system.DashboardUrl}");
        Console.WriteLine($"Data: {system.DataDirectory}");
        Console.WriteLine("Demo logins (password 'demo' for all, local mode only):");
        Console.WriteLine("  officer     ProcurementOfficer");
        Console.WriteLine("  logistics   LogisticsOfficer");
        Console.WriteLine("  technician  MaintenanceTechnician");
        Console.WriteLine($"  monitor     DonorMonitor of {DemoSeed.EuDonor}");
        Console.WriteLine($"  monitor2    DonorMonitor of {DemoSeed.ItalyDonor}");
        Console.WriteLine($"  moniteur    DonorMonitor of {DemoSeed.EuDonor}, in French");
        Console.WriteLine($"  muraqib     DonorMonitor of {DemoSeed.EuDonor}, in Arabic");
        Console.WriteLine("  admin       Administrator");
        Console.WriteLine($"Try: curl -s {gateway}api/auth/token -H 'Content-Type: application/json' -d '{{\"username\":\"monitor\",\"password\":\"demo\"}}'");
        Console.WriteLine("Press Ctrl-C to stop.");
        Console.WriteLine();
    }
}
