using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Equipment.Benchmarks;

/// <summary>
/// The run command as a user types it (<c>dotnet run --no-build --project deploy/Equipment.AppHost</c>, built in the
/// suite's configuration), on an empty data folder and ports of its own so that it never meets a system the user runs on
/// the default ones and the demo seed runs. Ends the whole process tree and removes the data when disposed.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    public const int Gateway = 18080, Inventory = 15102;

    private readonly Process _host;
    private readonly string _data;
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Seconds from the command to "Equipment is running", as measured here and as the AppHost reports it.</summary>
    public double SecondsToRunning { get; private set; }
    public double ReportedSeconds { get; private set; }

    /// <summary>The processes of this system (DCP runs the parts, not the AppHost): new since the start, and ours.</summary>
    public IReadOnlyList<int> Parts { get; private set; } = [];

    private AppHostProcess(Process host, string data) { _host = host; _data = data; }

    public static string RepositoryRoot
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "Equipment.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/'))!;
            return root;
        }
    }

    public static string Configuration => typeof(AppHostProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;

    /// <summary>
    /// Starts the system and waits until it says it is running (demo seed done). <paramref name="environment"/> reaches
    /// every part (DCP passes the AppHost's environment on), e.g. the gateway's rate limits for a load test.
    /// Null, with the AppHost's last lines on stderr, when it ends by itself or is not running within five minutes.
    /// </summary>
    public static async Task<AppHostProcess?> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var data = Directory.CreateTempSubdirectory("equipment-bench-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        foreach (var a in (string[])["run", "--no-build", "-c", Configuration, "--project", "deploy/Equipment.AppHost", "--", "--data", data,
                     "--gateway-port", $"{Gateway}", "--portal-port", "15100", "--procurement-port", "15101", "--inventory-port", $"{Inventory}",
                     "--maintenance-port", "15103", "--reporting-port", "15104", "--sidecar-port", "13500", "--sidecar-grpc-port", "15001",
                     "--dashboard-port", "18889"])
            start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var before = Pids().ToHashSet();
        var clock = Stopwatch.StartNew();
        var host = new AppHostProcess(Process.Start(start)!, data);
        var running = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        host._host.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            host.Keep(line);
            if (RunningLine().Match(line) is { Success: true } m) running.TrySetResult(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        };
        host._host.ErrorDataReceived += (_, e) => { if (e.Data is { } line) host.Keep(line); };
        host._host.BeginOutputReadLine();
        host._host.BeginErrorReadLine();
        var exited = host._host.WaitForExitAsync();
        if (await Task.WhenAny(running.Task, exited, Task.Delay(TimeSpan.FromMinutes(5))) != running.Task)
        {
            Console.Error.WriteLine($"not running after {clock.Elapsed.TotalSeconds:0} s{(host._host.HasExited ? $" (the AppHost exited with {host._host.ExitCode})" : "")}; its last lines:");
            foreach (var line in host._lines) Console.Error.WriteLine("  " + line);
            await host.DisposeAsync();
            return null;
        }
        host.ReportedSeconds = await running.Task;
        host.SecondsToRunning = clock.Elapsed.TotalSeconds;
        host.Parts = Pids().Where(p => !before.Contains(p) && p != Environment.ProcessId && IsOurs(p)).ToList();
        return host;
    }

    /// <summary>The process of one part, by the project it runs (e.g. "Equipment.Inventory").</summary>
    public int PartRunning(string project) => Parts.First(p =>
        CommandLine(p).Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => Path.GetFileName(word) is var name && (name == project || name == project + ".dll")));

    private void Keep(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > 40 && _lines.TryDequeue(out _)) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_host.HasExited) { _host.Kill(entireProcessTree: true); await _host.WaitForExitAsync(); }
        _host.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex(@"Equipment is running \(([0-9.]+) s\)")]
    private static partial Regex RunningLine();

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1).Where(p => p > 0);

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>The AppHost, DCP and the parts: dotnet hosts and programs of this repository, and Aspire's dcp.</summary>
    private static bool IsOurs(int pid)
    {
        var command = CommandLine(pid);
        return command.Contains("Equipment", StringComparison.Ordinal) || command.Contains("dcp", StringComparison.Ordinal);
    }

    public static long ResidentBytes(int pid)
    {
        try { return long.Parse(File.ReadAllText($"/proc/{pid}/statm").Split(' ')[1]) * Environment.SystemPageSize; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    /// <summary>User plus system CPU time of a process, in clock ticks (1/100 s).</summary>
    public static long CpuTicks(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);            // utime + stime
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException) { return 0; }
    }
}
