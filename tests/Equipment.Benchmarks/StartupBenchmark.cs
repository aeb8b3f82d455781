namespace Equipment.Benchmarks;

/// <summary>
/// The run command as a user types it, on an empty data folder so that the demo seed runs (<see cref="AppHostProcess"/>):
/// the seconds to "Equipment is running", then the resident memory of every process of the system and their CPU while
/// idle for a few seconds. Each round starts from nothing.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(int rounds)
    {
        Console.WriteLine($"Start-up with the demo seed, {Environment.ProcessorCount} cores, {AppHostProcess.Configuration} build, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine("| round | to running (s) | as the AppHost reports it (s) | processes | resident MB | idle CPU % of one core |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            await using var system = await AppHostProcess.StartAsync();
            if (system is null) { Console.Error.WriteLine($"round {round} failed"); return 1; }
            var resident = system.Parts.Sum(AppHostProcess.ResidentBytes) / 1024.0 / 1024.0;
            var cpuBefore = system.Parts.Sum(AppHostProcess.CpuTicks);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var cpu = (system.Parts.Sum(AppHostProcess.CpuTicks) - cpuBefore) / 100.0 / 10 * 100;     // ticks over 10 s, as % of one core
            Console.WriteLine($"| {round} | {system.SecondsToRunning:0.0} | {system.ReportedSeconds:0.0} | {system.Parts.Count} | {resident:N0} | {cpu:0.0} |");
        }
        return 0;
    }
}
