using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>The head of one chain as an auditor copied it: its last sequence number and that row's hash.</summary>
public sealed record ChainAnchor(string ChainId, long Seq, string Hash);

/// <summary>A chain whose anchored row is gone or no longer carries the anchored hash.</summary>
public sealed record AnchorMismatch(string ChainId, long Seq, string Problem);

/// <summary>
/// The auditor's copy of the chain heads (decision 002). Verification alone cannot catch someone with write access
/// who rewrites a chain and its head consistently, or deletes a whole chain; a copy of the heads kept elsewhere can:
/// every anchored row must still exist with the same hash (a chain may have grown since, never changed).
/// </summary>
public sealed class ChainAnchors(DbContext db)
{
    public async Task<IReadOnlyList<ChainAnchor>> TakeAsync(CancellationToken ct = default) =>
        await db.Set<HistoryChainRow>().AsNoTracking().OrderBy(c => c.ChainId)
            .Select(c => new ChainAnchor(c.ChainId, c.LastSeq, c.LastHash)).ToListAsync(ct);

    public async Task<IReadOnlyList<AnchorMismatch>> CompareAsync(IReadOnlyList<ChainAnchor> anchors, CancellationToken ct = default)
    {
        var mismatches = new List<AnchorMismatch>();
        // In slices, so a large anchor file does not become one enormous IN list.
        foreach (var slice in anchors.Chunk(500))
        {
            var events = await new HistoryEvents(db).OfChainsAsync(slice.Select(a => a.ChainId).ToList(), ct);
            var found = events.ToDictionary(e => (e.ChainId, e.Seq), e => e.Hash);
            foreach (var anchor in slice)
            {
                if (!found.TryGetValue((anchor.ChainId, anchor.Seq), out var hash))
                    mismatches.Add(new AnchorMismatch(anchor.ChainId, anchor.Seq, "the anchored row is missing (deleted or the chain was cut)"));
                else if (!string.Equals(hash, anchor.Hash, StringComparison.OrdinalIgnoreCase))
                    mismatches.Add(new AnchorMismatch(anchor.ChainId, anchor.Seq, "the anchored row's hash differs (the chain was rewritten)"));
            }
        }
        return mismatches;
    }
}
