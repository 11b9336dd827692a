using Lapor.Host.Data;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit;

/// <summary>
/// Verifies history chains for the integrity page and the <c>verify-history</c> command: one chain, or all of them a
/// page at a time (ordered by chain id) so a large database is checked in steps the caller can show progress for.
/// </summary>
public sealed class HistoryIntegrity(LaporDb db)
{
    public const int DefaultPageSize = 200;

    public Task<ChainVerification> VerifyChainAsync(string chainId, CancellationToken ct = default) =>
        new HistoryVerifier(db).VerifyAsync(chainId, ct);

    /// <summary>Every chain id after <paramref name="after"/> (exclusive), in order, at most <paramref name="pageSize"/>.</summary>
    public async Task<IntegrityPage> VerifyPageAsync(string? after, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var total = await ChainIds().CountAsync(ct);
        var ids = ChainIds();
        if (!string.IsNullOrEmpty(after))
            ids = ids.Where(id => string.Compare(id, after) > 0);
        var page = await ids.OrderBy(id => id).Take(pageSize + 1).ToListAsync(ct);
        var hasMore = page.Count > pageSize;
        if (hasMore)
            page.RemoveAt(page.Count - 1);
        var verifier = new HistoryVerifier(db);
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

    // A chain whose head row was deleted still has events, and one whose events were all deleted still has a head.
    private IQueryable<string> ChainIds() =>
        db.Set<HistoryChainRow>().Select(c => c.ChainId).Union(db.Set<HistoryEventRow>().Select(r => r.ChainId));
}
