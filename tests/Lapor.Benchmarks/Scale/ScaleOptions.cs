namespace Lapor.Benchmarks.Scale;

/// <summary>`scale`'s command line: how many reports, which database, how many timed requests per page.</summary>
/// <param name="Against">A second, smaller database (for example 10,000 reports) measured in the same run, each page's
/// requests alternating between the two hosts, so the growth from one size to the other is read at the same moments of
/// the machine rather than from two runs minutes apart.</param>
/// <param name="Keep">SQLite only: the data folder to fill and keep; when it already holds a database, that one is
/// measured as it is. With <see cref="Against"/>, the smaller database is kept beside it, in <c>{Keep}-{Against}</c>.</param>
/// <param name="Hold">After measuring, keep the host and the database (PostgreSQL's throw-away server too) running until
/// this file exists, for looking into a page by hand (EXPLAIN, the host's log).</param>
/// <param name="WarmUp">How many times each host is asked for every page before any is timed. A host just started
/// compiles its code in tiers while it serves (the first thousand or so pages of one kind run at twice the time of the
/// later ones on this machine), and the compiler's background work takes a core from the pages being timed.</param>
public sealed record ScaleOptions(int Reports, string Provider, int Runs, int Seed, string? Keep, string? Hold, int? Against, int WarmUp)
{
    public bool Postgres => Provider == "postgres";

    public string CommandLine =>
        $"dotnet run -c Release --project tests/Lapor.Benchmarks -- scale --reports {Reports} --provider {Provider} --runs {Runs} --warm-up {WarmUp}" +
        (Against is { } against ? $" --against {against}" : "") + (Keep is null ? "" : $" --keep {Keep}");

    /// <summary>Where a size's SQLite folder is kept, or null when it is thrown away.</summary>
    public string? KeptFolder(int reports) =>
        Postgres || Keep is null ? null : reports == Reports ? Path.GetFullPath(Keep) : Path.GetFullPath($"{Keep}-{reports}");

    public static ScaleOptions Parse(string[] args) => new(
        Reports: Benchmarks.CommandLine.Option(args, "--reports", 1_000_000),
        Provider: Benchmarks.CommandLine.Text(args, "--provider") is "postgres" ? "postgres" : "sqlite",
        Runs: Benchmarks.CommandLine.Option(args, "--runs", 60),
        Seed: Benchmarks.CommandLine.Option(args, "--seed", 2026),
        Keep: Benchmarks.CommandLine.Text(args, "--keep"),
        Hold: Benchmarks.CommandLine.Text(args, "--hold"),
        Against: Benchmarks.CommandLine.Option(args, "--against", 0) is > 0 and var against ? against : null,
        WarmUp: Math.Max(0, Benchmarks.CommandLine.Option(args, "--warm-up", 100)));
}
