using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;

namespace Equipment.Deployment.Tests;

/// <summary>Renders deploy/k8s/overlays/&lt;name&gt; offline with <c>kubectl kustomize</c> and parses every object strictly.</summary>
public static class Rendering
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();
    public static readonly string OverlaysFolder = Path.Combine(RepositoryRoot, "deploy", "k8s", "overlays");

    /// <summary>The overlays this repository must have; every folder under overlays/ is rendered and checked too.</summary>
    public static readonly string[] ExpectedOverlays = ["production", "staging"];

    public static IEnumerable<object[]> Overlays() =>
        ExpectedOverlays.Union(Directory.Exists(OverlaysFolder)
                ? Directory.GetDirectories(OverlaysFolder).Select(Path.GetFileName).OfType<string>()
                : [])
            .Order()
            .Select(o => new object[] { o });

    /// <summary>Dapr's custom resources, registered beside the built-in Kubernetes models.</summary>
    public static readonly IDictionary<string, Type> TypeMap = new Dictionary<string, Type>
    {
        [DaprComponent.Key] = typeof(DaprComponent),
        [DaprResiliency.Key] = typeof(DaprResiliency),
        [DaprConfiguration.Key] = typeof(DaprConfiguration),
    };

    private static readonly ConcurrentDictionary<string, Lazy<string>> Yaml = new();

    public static string RenderYaml(string overlay) =>
        Yaml.GetOrAdd(overlay, o => new Lazy<string>(() => Kustomize(Path.Combine(OverlaysFolder, o), FindKubectl()))).Value;

    /// <summary>A fresh parse each time: a test may change what it gets without disturbing another.</summary>
    public static List<object> Render(string overlay) => Parse(RenderYaml(overlay));

    public static List<object> Parse(string yaml) => KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);

    public static string Kustomize(string folder, string? kubectlPath)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No overlay folder {folder}.");
        var kubectl = kubectlPath ?? throw new InvalidOperationException(
            "kubectl was not found (on PATH, or as KUBECTL=<path>). These tests render the overlays offline with " +
            "`kubectl kustomize`: install kubectl (https://kubernetes.io/docs/tasks/tools/) and run them again.");

        // "kustomize" is offline: it never reads a kubeconfig nor talks to a cluster (without one kubectl would try
        // localhost:8080, the gateway's port, which is why nothing else is ever asked of kubectl here).
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {folder} did not finish within a minute.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"kubectl kustomize {folder} failed ({process.ExitCode}): {stderr.Result}" +
                "(the overlays need the kustomize v5 inside kubectl 1.27 or later: `kubectl version --client` shows it)");
        return stdout.Result;
    }

    private static string? FindKubectl()
    {
        var configured = Environment.GetEnvironmentVariable("KUBECTL");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        var names = OperatingSystem.IsWindows() ? new[] { "kubectl.exe" } : ["kubectl"];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Equipment.sln not found above {AppContext.BaseDirectory}.");
    }
}
