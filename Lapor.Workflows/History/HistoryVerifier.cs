using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// Recomputes every hash of a chain and reports the first command whose rows were edited, removed or reordered. A
/// command's rows are sealed by one hash on its last row (decision 028), so an edit is found at its command: the
/// verifier names the command's rows, not which of them changed.
/// </summary>
public sealed class HistoryVerifier(DbContext db)
{
    public async Task<ChainVerification> VerifyAsync(string chainId, CancellationToken ct = default)
    {
        var head = await db.Set<HistoryChainRow>().AsNoTracking().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        var rows = await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync(ct);
        var previous = HistoryHash.Genesis;
        var command = new List<HistoryEventRow>();
        long expected = 1;
        foreach (var row in rows)
        {
            if (row.Seq != expected)
                return Broken(chainId, rows, expected, row.Seq > expected ? $"row {expected} is missing" : $"row {row.Seq} appears twice");
            command.Add(row);
            expected++;
            if (row.Hash.Length == 0)
                continue;
            if (!string.Equals(HistoryHash.Compute(previous, command), row.Hash, StringComparison.OrdinalIgnoreCase))
                return Broken(chainId, rows, command[0].Seq, command.Count == 1
                    ? $"row {row.Seq} ({row.Kind}) was changed after it was written"
                    : $"one of rows {command[0].Seq}–{row.Seq} (written by one command) was changed after it was written");
            previous = row.Hash;
            command.Clear();
        }
        if (head is null)
            return rows.Count == 0
                ? new ChainVerification(chainId, 0, false, null, "no history exists for this chain")
                : Broken(chainId, rows, 1, "the chain head is missing");
        if (head.LastSeq != expected - 1 || (command.Count == 0 && !string.Equals(head.LastHash, previous, StringComparison.OrdinalIgnoreCase)))
            return Broken(chainId, rows, expected, $"the chain ends at row {expected - 1} but its head says {head.LastSeq}: rows at the end were removed");
        if (command.Count > 0)
            return Broken(chainId, rows, command[0].Seq,
                $"rows {command[0].Seq}–{command[^1].Seq} are sealed by no hash: the last row of their command was removed, or they were added afterwards");
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
