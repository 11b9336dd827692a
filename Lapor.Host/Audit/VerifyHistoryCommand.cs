using System.Globalization;
using Lapor.Workflows.History;

namespace Lapor.Host.Audit;

/// <summary>
/// <c>dotnet run --project Lapor.Host -- verify-history [--instance ID]</c>: checks the history hash chains without
/// starting the web server, prints one line per broken chain and a summary, and exits 1 when any chain is broken
/// (2 on a usage error), so a scheduled job or a second machine can alarm on it.
/// </summary>
public static class VerifyHistoryCommand
{
    public const string Verb = "verify-history";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        // Other arguments are host configuration (--Lapor:DataDirectory=…), which the builder has already read.
        string? target = null;
        var at = Array.IndexOf(args, "--instance");
        if (at > 0)
        {
            if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
            {
                await output.WriteLineAsync($"Usage: {Verb} [--instance <instance id or tracking code>]");
                return 2;
            }
            target = args[at + 1];
        }

        await using var scope = services.CreateAsyncScope();
        var integrity = scope.ServiceProvider.GetRequiredService<HistoryIntegrity>();
        IReadOnlyList<ChainVerification> results;
        if (target is not null)
        {
            var found = await scope.ServiceProvider.GetRequiredService<CaseLocator>().FindAsync(target, ct);
            results = [await integrity.VerifyChainAsync(found?.InstanceId ?? target, ct)];
        }
        else
        {
            results = await integrity.VerifyAllAsync(page =>
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {page.Chains.Count} chains ({page.RowsChecked} rows) checked")), ct);
        }

        var broken = results.Where(r => !r.Intact).ToList();
        foreach (var chain in broken)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"BROKEN chain {chain.ChainId} at seq {chain.BrokenAtSeq?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {chain.Problem}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} chain(s), {results.Sum(r => r.RowsChecked)} row(s) checked; {broken.Count} broken."));
        return broken.Count == 0 ? 0 : 1;
    }
}
