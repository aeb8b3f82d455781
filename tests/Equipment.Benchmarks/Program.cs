using Equipment.Benchmarks;

// One command, one table: `dotnet run -c Release --project tests/Equipment.Benchmarks -- hop [seconds-per-rate]`.
var suite = args.Length > 0 ? args[0] : "hop";
var size = args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (double?)null;
return suite switch
{
    "hop" => await EventHopBenchmark.RunAsync(size ?? 10, args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : [20, 100, 200, 1000]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Equipment.Benchmarks hop [seconds-per-rate] [rates, e.g. 20,100,200,1000]");
    return 2;
}
