using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Equipment.BuildingBlocks.Contracts.Api;

namespace Equipment.Benchmarks;

/// <summary>
/// The gateway against the service called directly and against nginx (Debian's, as the reference reverse proxy) in front
/// of the same service, measured with wrk on the running system with the demo seed: the asset register's first page
/// (what a logistics officer opens most) and one asset (a trivial request). Variants run back to back in each round, the
/// table gives medians over the rounds, the requests per second of each proxy relative to the direct call, and the CPU the
/// inventory service itself spent per request (so that a proxy's cost is not confused with the service's).
/// </summary>
public static partial class ProxyBenchmark
{
    private const int NginxPort = 18181;

    public static async Task<int> RunAsync(int rounds, int seconds)
    {
        var wrk = Which("wrk");
        var nginx = Which("nginx") ?? (File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null);
        if (wrk is null || nginx is null)
        {
            Console.Error.WriteLine("proxy: needs wrk and nginx (Debian: apt-get install wrk nginx-light)");
            return 1;
        }
        // The gateway's per-user rate limit would pace a load test: lifted for this run only.
        await using var system = await AppHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["RateLimiting__PermitLimit"] = "100000000",
            ["RateLimiting__QueueLimit"] = "10000",
        });
        if (system is null) return 1;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{AppHostProcess.Gateway}/") };
        var token = (await (await http.PostAsJsonAsync("api/auth/token", new TokenRequest("logistics", "demo"))).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var register = "/api/inventory/assets?pageSize=50";
        var page = await http.GetStringAsync(register.TrimStart('/'));
        var rows = JsonNode.Parse(page)!["items"]!.AsArray();
        var oneAsset = $"/api/inventory/assets/{rows[0]!["id"]!.GetValue<Guid>()}";

        var folder = Directory.CreateTempSubdirectory("equipment-bench-nginx-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes auto;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body; proxy_temp_path {{folder}}/proxy; fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi; scgi_temp_path {{folder}}/scgi;
                upstream inventory { server 127.0.0.1:{{AppHostProcess.Inventory}}; keepalive 64; }
                server {
                    listen 127.0.0.1:{{NginxPort}};
                    location /api/inventory/ {
                        proxy_pass http://inventory;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $remote_addr;
                    }
                }
            }
            """);
        using var proxy = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{NginxPort}/") })
            {
                probe.DefaultRequestHeaders.Authorization = new("Bearer", token);
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (true)
                {
                    try { (await probe.GetAsync(oneAsset.TrimStart('/'))).EnsureSuccessStatusCode(); break; }
                    catch (HttpRequestException) when (DateTime.UtcNow < deadline && !proxy.HasExited) { await Task.Delay(100); }
                }
            }
            var inventory = system.PartRunning("Equipment.Inventory");
            var gatewayEnvironment = await File.ReadAllTextAsync($"/proc/{system.PartRunning("Equipment.Gateway")}/environ");
            if (!gatewayEnvironment.Contains("RateLimiting__PermitLimit=100000000", StringComparison.Ordinal))
                Console.Error.WriteLine("proxy: the gateway did not get the lifted rate limit: its figures are paced by it");
            var variants = new (string Name, int Port)[] { ("direct", AppHostProcess.Inventory), ("gateway (YARP)", AppHostProcess.Gateway), ("nginx", NginxPort) };
            var endpoints = new (string Name, string Path)[] { ($"register page ({rows.Count} rows, {page.Length / 1024} KB)", register), ("one asset", oneAsset) };
            var results = new Dictionary<(string, string), List<WrkResult>>();
            for (var round = 1; round <= rounds; round++)
                foreach (var (endpoint, path) in endpoints)
                    foreach (var (variant, port) in variants)
                    {
                        var cpu = AppHostProcess.CpuTicks(inventory);
                        var result = await WrkAsync(wrk, $"http://127.0.0.1:{port}{path}", token, seconds);
                        result = result with { ServiceCpuMs = (AppHostProcess.CpuTicks(inventory) - cpu) * 10.0 / Math.Max(1, result.Requests) };
                        (results.TryGetValue((endpoint, variant), out var list) ? list : results[(endpoint, variant)] = []).Add(result);
                    }

            Console.WriteLine($"Gateway, direct and nginx on the running system with the demo seed: wrk, 2 threads, 32 connections, {seconds} s each, " +
                              $"median of {rounds} round(s); {Environment.ProcessorCount} cores, {AppHostProcess.Configuration} build, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine("| request | via | req/s | vs direct | p50 ms | p99 ms | inventory CPU ms/request | non-2xx |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            foreach (var (endpoint, _) in endpoints)
            {
                var direct = Median(results[(endpoint, "direct")].Select(r => r.RequestsPerSecond));
                foreach (var (variant, _) in variants)
                {
                    var runs = results[(endpoint, variant)];
                    var rate = Median(runs.Select(r => r.RequestsPerSecond));
                    Console.WriteLine($"| {endpoint} | {variant} | {rate:N0} | {rate / direct:0.00} | {Median(runs.Select(r => r.P50Ms)):0.00} | {Median(runs.Select(r => r.P99Ms)):0.00} | " +
                                      $"{Median(runs.Select(r => r.ServiceCpuMs)):0.00} | {runs.Sum(r => r.Failed)} |");
                }
            }
            return results.Values.SelectMany(r => r).Any(r => r.Requests == 0) ? 1 : 0;
        }
        finally
        {
            if (!proxy.HasExited) { proxy.Kill(entireProcessTree: true); await proxy.WaitForExitAsync(); }    // the master and its workers
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record WrkResult(double RequestsPerSecond, long Requests, long Failed, double P50Ms, double P99Ms, double ServiceCpuMs = 0);

    private static async Task<WrkResult> WrkAsync(string wrk, string url, string token, int seconds)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-t2", "-c32", $"-d{seconds}s", "--latency", "-H", $"Authorization: Bearer {token}", url]) start.ArgumentList.Add(a);
        using var run = Process.Start(start)!;
        var output = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        double Number(Regex pattern) => pattern.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        double Latency(string percentile) => Percentile(percentile).Match(output) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch { "us" => 0.001, "ms" => 1, "s" => 1000, _ => double.NaN }
            : double.NaN;
        var requests = RequestsLine().Match(output) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var failed = NonSuccess().Match(output) is { Success: true } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (requests == 0) Console.Error.WriteLine($"wrk {url}: no requests\n{output}{await run.StandardError.ReadToEndAsync()}");
        return new WrkResult(Number(RequestsPerSecond()), requests, failed, Latency("50%"), Latency("99%"));
    }

    private static Regex Percentile(string percentile) => new($@"^\s*{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"([0-9]+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
