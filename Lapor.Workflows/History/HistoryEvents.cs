using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// The one way to read history events inside the engine (decision 031): a chain's events in order, whether stored as
/// one row per event (before decision 031) or packed per command in history records. Everything that reads events
/// (queries, verifier, anchors, the engine's own look-ups, tests) goes through here, never to a table.
/// </summary>
internal sealed class HistoryEvents(DbContext db)
{
    /// <summary>One chain's events in seq order (empty when the chain has none).</summary>
    public async Task<List<HistoryEventRow>> OfChainAsync(string chainId, CancellationToken ct = default) =>
        await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync(ct);

    /// <summary>The events of several chains, each chain's in seq order, chains in ordinal order of their ids.</summary>
    public async Task<List<HistoryEventRow>> OfChainsAsync(IReadOnlyCollection<string> chainIds, CancellationToken ct = default)
    {
        var rows = new List<HistoryEventRow>();
        foreach (var slice in chainIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(500))
            rows.AddRange(await db.Set<HistoryEventRow>().AsNoTracking().Where(r => slice.Contains(r.ChainId))
                .OrderBy(r => r.ChainId).ThenBy(r => r.Seq).ToListAsync(ct));
        return rows.OrderBy(r => r.ChainId, StringComparer.Ordinal).ThenBy(r => r.Seq).ToList();
    }

    /// <summary>Every chain's events: for tests and small scans only; it reads the whole history.</summary>
    public async Task<List<HistoryEventRow>> AllAsync(CancellationToken ct = default) =>
        (await db.Set<HistoryEventRow>().AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.ChainId, StringComparer.Ordinal).ThenBy(r => r.Seq).ToList();

    /// <summary>The chain that holds task <paramref name="taskId"/>'s events, null when no history knows the task.</summary>
    public async Task<string?> ChainOfTaskAsync(string taskId, CancellationToken ct = default) =>
        await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.TaskId == taskId).Select(r => r.ChainId).FirstOrDefaultAsync(ct);

    /// <summary>Every chain id that has a head or events, in ordinal order.</summary>
    public async Task<List<string>> ChainIdsAsync(CancellationToken ct = default) =>
        (await db.Set<HistoryChainRow>().AsNoTracking().Select(c => c.ChainId).Union(db.Set<HistoryEventRow>().Select(r => r.ChainId)).ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();
}
