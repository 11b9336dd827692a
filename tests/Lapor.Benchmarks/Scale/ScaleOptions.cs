namespace Lapor.Benchmarks.Scale;

/// <summary>`scale`'s command line: how many reports, which database, how many timed requests per page.</summary>
/// <param name="Keep">SQLite only: the data folder to fill and keep; when it already holds a database, that one is measured as it is.</param>
/// <param name="Hold">After measuring, keep the host and the database (PostgreSQL's throw-away server too) running until
/// this file exists, for looking into a page by hand (EXPLAIN, the host's log).</param>
public sealed record ScaleOptions(int Reports, string Provider, int Runs, int Seed, string? Keep, string? Hold)
{
    public bool Postgres => Provider == "postgres";

    public string CommandLine =>
        $"dotnet run -c Release --project tests/Lapor.Benchmarks -- scale --reports {Reports} --provider {Provider} --runs {Runs}" + (Keep is null ? "" : $" --keep {Keep}");

    public static ScaleOptions Parse(string[] args) => new(
        Reports: Benchmarks.CommandLine.Option(args, "--reports", 1_000_000),
        Provider: Benchmarks.CommandLine.Text(args, "--provider") is "postgres" ? "postgres" : "sqlite",
        Runs: Benchmarks.CommandLine.Option(args, "--runs", 60),
        Seed: Benchmarks.CommandLine.Option(args, "--seed", 2026),
        Keep: Benchmarks.CommandLine.Text(args, "--keep"),
        Hold: Benchmarks.CommandLine.Text(args, "--hold"));
}
