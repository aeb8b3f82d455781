using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Equipment.Benchmarks;

/// <summary>
/// The run command as a user types it (<c>dotnet run --project deploy/Equipment.AppHost</c>, already built), on an empty
/// data folder so that the demo seed runs: the seconds to "Equipment is running", then the resident memory of every
/// process of the system and their CPU while idle for a few seconds. Each round starts from nothing.
/// </summary>
public static partial class StartupBenchmark
{
    public static async Task<int> RunAsync(int rounds)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Equipment.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        var configuration = typeof(StartupBenchmark).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        Console.WriteLine($"Start-up with the demo seed, {Environment.ProcessorCount} cores, {configuration} build, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("| round | to running (s) | as the AppHost reports it (s) | processes | resident MB | idle CPU % of one core |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var data = Directory.CreateTempSubdirectory("equipment-bench-start-").FullName;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            foreach (var a in (string[])["run", "--no-build", "-c", configuration, "--project", "deploy/Equipment.AppHost", "--", "--data", data,
                         // Ports of its own, so that it never meets a system the user runs on the default ones.
                         "--gateway-port", "18080", "--portal-port", "15100", "--procurement-port", "15101", "--inventory-port", "15102",
                         "--maintenance-port", "15103", "--reporting-port", "15104", "--sidecar-port", "13500", "--sidecar-grpc-port", "15001",
                         "--dashboard-port", "18889"])
                start.ArgumentList.Add(a);
            var before = Pids().ToHashSet();
            var clock = Stopwatch.StartNew();
            using var host = Process.Start(start)!;
            var running = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            host.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not { } line) return;
                lines.Enqueue(line);
                while (lines.Count > 40 && lines.TryDequeue(out var _)) { }
                if (RunningLine().Match(line) is { Success: true } m)
                    running.TrySetResult(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            };
            host.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lines.Enqueue(line); };
            host.BeginOutputReadLine();
            host.BeginErrorReadLine();
            try
            {
                // The AppHost ends by itself when a part never gets healthy or the seed fails: that is a failed round.
                var exited = host.WaitForExitAsync();
                if (await Task.WhenAny(running.Task, exited, Task.Delay(TimeSpan.FromMinutes(5))) != running.Task)
                {
                    Console.Error.WriteLine($"round {round}: not running after {clock.Elapsed.TotalSeconds:0} s{(host.HasExited ? $" (the AppHost exited with {host.ExitCode})" : "")}; its last lines:");
                    foreach (var line in lines) Console.Error.WriteLine("  " + line);
                    return 1;
                }
                var reported = await running.Task;
                var seconds = clock.Elapsed.TotalSeconds;
                // The parts are not all the AppHost's children (DCP runs them): every new process of this system counts.
                var parts = Pids().Where(p => !before.Contains(p) && p != Environment.ProcessId && IsOurs(p)).ToList();
                var resident = parts.Sum(ResidentBytes) / 1024.0 / 1024.0;
                var cpuBefore = parts.Sum(CpuTicks);
                await Task.Delay(TimeSpan.FromSeconds(10));
                var cpu = (parts.Sum(CpuTicks) - cpuBefore) / 100.0 / 10 * 100;     // clock ticks (1/100 s) over 10 s, as % of one core
                Console.WriteLine($"| {round} | {seconds:0.0} | {reported:0.0} | {parts.Count} | {resident:N0} | {cpu:0.0} |");
            }
            finally
            {
                if (!host.HasExited) { host.Kill(entireProcessTree: true); await host.WaitForExitAsync(); }
                try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            }
        }
        return 0;
    }

    [GeneratedRegex(@"Equipment is running \(([0-9.]+) s\)")]
    private static partial Regex RunningLine();

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1).Where(p => p > 0);

    /// <summary>The AppHost, DCP and the parts: dotnet hosts and programs of this repository, and Aspire's dcp.</summary>
    private static bool IsOurs(int pid)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return command.Contains("Equipment", StringComparison.Ordinal) || command.Contains("dcp", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static long ResidentBytes(int pid)
    {
        try { return long.Parse(File.ReadAllText($"/proc/{pid}/statm").Split(' ')[1]) * Environment.SystemPageSize; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    private static long CpuTicks(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);            // utime + stime
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return 0; }
    }
}
