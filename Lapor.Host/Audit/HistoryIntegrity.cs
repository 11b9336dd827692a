using Lapor.Workflows.History;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Audit;

/// <summary>
/// Verifies history chains for the integrity page and the <c>verify-history</c> command: one chain, or all of them a
/// page at a time (ordered by chain id) so a large database is checked in steps the caller can show progress for.
/// </summary>
public sealed class HistoryIntegrity(HistoryQuery history, HistoryVerifier verifier)
{
    public const int DefaultPageSize = 200;

    public Task<ChainVerification> VerifyChainAsync(string chainId, CancellationToken ct = default) =>
        verifier.VerifyAsync(chainId, ct);

    /// <summary>Every chain id after <paramref name="after"/> (exclusive), in order, at most <paramref name="pageSize"/>.</summary>
    public async Task<IntegrityPage> VerifyPageAsync(string? after, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var total = await history.CountChainsAsync(ct);
        var page = (await history.ChainIdsAsync(after, pageSize + 1, ct)).ToList();
        var hasMore = page.Count > pageSize;
        if (hasMore)
            page.RemoveAt(page.Count - 1);
        var results = new List<ChainVerification>(page.Count);
        foreach (var id in page)
            results.Add(await verifier.VerifyAsync(id, ct));
        return new IntegrityPage(total, results, hasMore ? page[^1] : null);
    }

    /// <summary>Walks every page; <paramref name="progress"/> hears after each one.</summary>
    public async Task<IReadOnlyList<ChainVerification>> VerifyAllAsync(Action<IntegrityPage>? progress = null, CancellationToken ct = default)
    {
        var all = new List<ChainVerification>();
        string? after = null;
        do
        {
            var page = await VerifyPageAsync(after, DefaultPageSize, ct);
            all.AddRange(page.Chains);
            progress?.Invoke(page);
            after = page.NextAfter;
        }
        while (after is not null);
        return all;
    }
}
