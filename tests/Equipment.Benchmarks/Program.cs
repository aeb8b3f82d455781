using Equipment.Benchmarks;

// The benchmark suite (BENCHMARKS.md): `dotnet run -c Release --project tests/Equipment.Benchmarks -- <suite> [size]`.
var suite = args.Length > 0 ? args[0] : "hop";
var size = args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (double?)null;
return suite switch
{
    "hop" => await EventHopBenchmark.RunAsync(size ?? 10, args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : [20, 100, 200, 1000]),
    "register" => await RegisterBenchmark.RunAsync((int)(size ?? 100_000)),
    "startup" => await StartupBenchmark.RunAsync((int)(size ?? 3)),
    "chain" => await ChainBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [100, 1_000, 10_000]),
    "donor" => await DonorFiguresBenchmark.RunAsync(args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [1_000, 10_000, 100_000]),
    "proxy" => await ProxyBenchmark.RunAsync((int)(size ?? 3), args.Length > 2 ? int.Parse(args[2]) : 10),
    // What CI runs: every suite at a size that only shows it still works.
    "smoke" => await EventHopBenchmark.RunAsync(1, [20]) + await RegisterBenchmark.RunAsync(1_000) + await StartupBenchmark.RunAsync(1) + await ProxyBenchmark.RunAsync(1, 1) + await ChainBenchmark.RunAsync([20]) + await DonorFiguresBenchmark.RunAsync([1_000]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Equipment.Benchmarks hop [seconds-per-rate] [rates, e.g. 20,100,200,1000]");
    Console.Error.WriteLine("       Equipment.Benchmarks register [assets, default 100000]");
    Console.Error.WriteLine("       Equipment.Benchmarks startup [rounds, default 3]   (the run command, built first: dotnet build deploy/Equipment.AppHost)");
    Console.Error.WriteLine("       Equipment.Benchmarks proxy [rounds, default 3] [seconds per run, default 10]   (wrk and nginx installed; AppHost built as for startup)");
    Console.Error.WriteLine("       Equipment.Benchmarks chain [units, default 100,1000,10000]   (signature to deployed and known downstream; CSV import of the serials)");
    Console.Error.WriteLine("       Equipment.Benchmarks donor [assets, default 1000,10000,100000]   (the grant's summary and reports, 10 status records per asset)");
    Console.Error.WriteLine("       Equipment.Benchmarks smoke");
    return 2;
}
