using System.Globalization;
using Lapor.Workflows.History;

namespace Lapor.Host.Audit;

/// <summary>
/// <c>dotnet run --project Lapor.Host -- verify-history [--instance ID] [--against FILE] [--write-anchor FILE]</c>:
/// checks the history hash chains without starting the web server, prints one line per broken chain and a summary,
/// and exits 1 when any chain is broken (2 on a usage error), so a scheduled job or a second machine can alarm on it.
/// <c>--write-anchor</c> saves the chain heads (the auditor's copy, kept somewhere else); <c>--against</c> checks that
/// every head in such a copy is still there unchanged, which catches a chain rewritten or deleted as a whole.
/// </summary>
public static class VerifyHistoryCommand
{
    public const string Verb = "verify-history";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        // Other arguments are host configuration (--Lapor:DataDirectory=…), which the builder has already read.
        if (!TryOption(args, "--instance", out var target) || !TryOption(args, "--against", out var againstFile)
            || !TryOption(args, "--write-anchor", out var anchorFile))
        {
            await output.WriteLineAsync($"Usage: {Verb} [--instance <instance id or tracking code>] [--against <anchor file>] [--write-anchor <file>]");
            return 2;
        }
        IReadOnlyList<ChainAnchor>? anchored = null;
        if (againstFile is not null)
        {
            try
            {
                anchored = System.Text.Json.JsonSerializer.Deserialize<AnchorFile>(await File.ReadAllTextAsync(againstFile, ct), AnchorFile.Json)?.Chains
                           ?? throw new System.Text.Json.JsonException("no chains");
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"Cannot read anchor file '{againstFile}': {e.Message}");
                return 2;
            }
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

        var anchors = scope.ServiceProvider.GetRequiredService<ChainAnchors>();
        // With --instance, only that case's anchored head is compared, as only its chain was verified.
        if (anchored is not null && target is not null)
            anchored = anchored.Where(a => results.Any(r => r.ChainId == a.ChainId)).ToList();
        var mismatches = anchored is null ? [] : await anchors.CompareAsync(anchored, ct);
        foreach (var mismatch in mismatches)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ANCHOR chain {mismatch.ChainId} at seq {mismatch.Seq}: {mismatch.Problem}"));
        if (anchored is not null)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{anchored.Count} anchored head(s) compared; {mismatches.Count} no longer match."));
        if (anchorFile is not null)
        {
            var heads = await anchors.TakeAsync(ct);
            await File.WriteAllTextAsync(anchorFile, System.Text.Json.JsonSerializer.Serialize(new AnchorFile(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), heads), AnchorFile.Json), ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {heads.Count} chain head(s) to {anchorFile}; keep it away from this database."));
        }
        return broken.Count == 0 && mismatches.Count == 0 ? 0 : 1;
    }

    /// <summary>Reads "--name value"; false when the name is there without a value.</summary>
    private static bool TryOption(string[] args, string name, out string? value)
    {
        value = null;
        var at = Array.IndexOf(args, name);
        if (at < 0)
            return true;
        if (at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
            return false;
        value = args[at + 1];
        return true;
    }

    /// <summary>The anchor file: when the heads were copied, and the heads.</summary>
    public sealed record AnchorFile(DateTimeOffset TakenAt, IReadOnlyList<ChainAnchor> Chains)
    {
        public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true };
    }
}
