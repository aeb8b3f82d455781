using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Equipment.AppHost;

/// <summary>One part of the system (a service, the gateway, the sidecar) running as its own <c>dotnet</c> process.</summary>
public sealed class ChildProcess(ChildSpec spec, Action<string, string> writeLine) : IAsyncDisposable
{
    private const int TailLength = 40;
    private readonly Queue<string> _tail = new();
    private Process? _process;
    private volatile bool _stopping;

    public ChildSpec Spec => spec;
    public string Name => spec.Name;
    public Uri Url => new($"http://127.0.0.1:{spec.Port}/");
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Raised when the process ends without having been asked to.</summary>
    public event Action<ChildProcess, int>? Died;

    /// <summary>The last lines the process wrote, to say why it died.</summary>
    public IReadOnlyList<string> Tail
    {
        get { lock (_tail) return _tail.ToList(); }
    }

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running.");
        if (!File.Exists(spec.AssemblyPath))
            throw new FileNotFoundException($"{Name}: {spec.AssemblyPath} is not built. Build the solution first (dotnet build).", spec.AssemblyPath);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(spec.AssemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(spec.AssemblyPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{spec.Port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in spec.Environment) start.Environment[key] = value;

        _stopping = false;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            if (!_stopping) Died?.Invoke(this, process.ExitCode);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Polls the readiness URL until it answers 2xx, the process dies, or the deadline passes.</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var url = new Uri(Url, spec.ReadinessPath);
        while (true)
        {
            if (!IsRunning)
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} while starting:{Environment.NewLine}{string.Join(Environment.NewLine, Tail)}");
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { /* a probe slower than the client's timeout: a busy machine, ask again */ }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name} was not ready at {url} within {timeout}:{Environment.NewLine}{string.Join(Environment.NewLine, Tail)}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>SIGTERM for a graceful stop, then a kill if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        var process = _process;
        if (process is null || process.HasExited) return;
        _stopping = true;
        if (!OperatingSystem.IsWindows()) Kill(process.Id, 15);
        else process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the process at once, as a crash would.</summary>
    public async Task KillAsync()
    {
        var process = _process;
        if (process is null || process.HasExited) return;
        _stopping = true;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process?.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLength) _tail.Dequeue();
        }
        writeLine(Name, line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

public sealed record ChildSpec(string Name, string AssemblyPath, int Port, string ReadinessPath, IReadOnlyDictionary<string, string> Environment);

/// <summary>Turns the services' JSON log lines into one readable line each: "warn  Category: message".</summary>
public static class LogLine
{
    public static string Readable(string line)
    {
        if (!line.StartsWith('{')) return line;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var level = root.TryGetProperty("LogLevel", out var l) ? l.GetString() : null;
            var category = root.TryGetProperty("Category", out var c) ? c.GetString() : null;
            var message = root.TryGetProperty("Message", out var m) ? m.GetString() : line;
            var exception = root.TryGetProperty("Exception", out var e) ? Environment.NewLine + e.GetString() : "";
            var shortLevel = level switch
            {
                "Information" => "info", "Warning" => "warn", "Error" => "fail", "Critical" => "crit", "Debug" => "dbug", _ => level?.ToLowerInvariant(),
            };
            return $"{shortLevel,-4} {category}: {message}{exception}";
        }
        catch (JsonException)
        {
            return line;
        }
    }
}
