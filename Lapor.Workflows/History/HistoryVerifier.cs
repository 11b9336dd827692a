using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>Recomputes every hash of a chain and reports the first row that was edited, removed or reordered.</summary>
public sealed class HistoryVerifier(DbContext db)
{
    public async Task<ChainVerification> VerifyAsync(string chainId, CancellationToken ct = default)
    {
        var head = await db.Set<HistoryChainRow>().AsNoTracking().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        var rows = await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync(ct);
        var previous = HistoryHash.Genesis;
        long expected = 1;
        foreach (var row in rows)
        {
            if (row.Seq != expected)
                return Broken(chainId, rows, expected, row.Seq > expected ? $"row {expected} is missing" : $"row {row.Seq} appears twice");
            if (row.PrevHash != previous)
                return Broken(chainId, rows, row.Seq, $"row {row.Seq} does not point at the hash of row {row.Seq - 1}");
            if (HistoryHash.Compute(row) != row.Hash)
                return Broken(chainId, rows, row.Seq, $"row {row.Seq} ({row.Kind}) was changed after it was written");
            previous = row.Hash;
            expected++;
        }
        if (head is null)
            return rows.Count == 0
                ? new ChainVerification(chainId, 0, false, null, "no history exists for this chain")
                : Broken(chainId, rows, 1, "the chain head is missing");
        if (head.LastSeq != expected - 1 || head.LastHash != previous)
            return Broken(chainId, rows, expected, $"the chain ends at row {expected - 1} but its head says {head.LastSeq}: rows at the end were removed");
        return new ChainVerification(chainId, rows.Count, true, null, null);
    }

    /// <summary>Checks every chain; returns the broken ones (empty when all history is intact).</summary>
    public async Task<IReadOnlyList<ChainVerification>> VerifyAllAsync(CancellationToken ct = default)
    {
        var chains = await db.Set<HistoryChainRow>().AsNoTracking().Select(c => c.ChainId)
            .Union(db.Set<HistoryEventRow>().Select(r => r.ChainId)).ToListAsync(ct);
        var broken = new List<ChainVerification>();
        foreach (var chain in chains)
            if (await VerifyAsync(chain, ct) is { Intact: false } result)
                broken.Add(result);
        return broken;
    }

    private static ChainVerification Broken(string chainId, List<HistoryEventRow> rows, long seq, string problem) =>
        new(chainId, rows.Count, false, seq, problem);
}
