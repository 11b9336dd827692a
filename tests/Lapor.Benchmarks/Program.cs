using Lapor.Benchmarks;

// One sub-command per benchmark, so a person or a CI job runs exactly the one it needs.
return args.FirstOrDefault() switch
{
    "engine" => await EngineComparison.RunAsync(args[1..]),
    "engine-loop" => await EngineLoop.RunAsync(args[1..]),
    "inbox" => await InboxBenchmark.RunAsync(args[1..]),
    "hosts" => await HostsBenchmark.RunAsync(args[1..]),
    "storage" => await StorageBenchmark.RunAsync(args[1..]),
    "submit" => await SubmitBenchmark.RunAsync(args[1..]),
    "dashboard" => await DashboardBenchmark.RunAsync(args[1..]),
    "scale" => await Lapor.Benchmarks.Scale.ScaleBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Lapor.Benchmarks -- engine [--n <instances>] [--check | --profile] | engine-loop [instances] | inbox | hosts [--seconds <s>] [--clients <n>] | storage [--cases <n>] [--clients <n>] [--keep <copy.db>] | submit [--seconds <s>] | dashboard [--reports <n,n>] [--runs <n>] | scale [--reports <n>] [--against <n>] [--provider sqlite|postgres] [--runs <n>] [--keep <dir>] [--hold <file>]");
    return 2;
}
