using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// Recomputes every hash of a chain and reports the first command whose events were edited, removed or reordered. A
/// command's rows are sealed by one hash on its last row (decision 028), and a record's commands by the seal the record
/// ends on (decision 031), so an edit is found at its command or record, not at the event that changed.
/// </summary>
public sealed class HistoryVerifier(DbContext db)
{
    public async Task<ChainVerification> VerifyAsync(string chainId, CancellationToken ct = default)
    {
        var head = await db.Set<HistoryChainRow>().AsNoTracking().FirstOrDefaultAsync(c => c.ChainId == chainId, ct);
        var rows = await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync(ct);
        var records = (await HistoryEvents.RecordsAsync(db, [chainId], ct)).OrderBy(r => r.Seq).ToList();
        var previous = HistoryHash.Genesis;
        var command = new List<HistoryEventRow>();
        long expected = 1;
        foreach (var row in rows)
        {
            if (row.Seq != expected)
                return Broken(chainId, expected - 1, expected, row.Seq > expected ? $"row {expected} is missing" : $"row {row.Seq} appears twice");
            command.Add(row);
            expected++;
            if (row.Hash.Length == 0)
                continue;
            if (!string.Equals(HistoryHash.Compute(previous, command), row.Hash, StringComparison.OrdinalIgnoreCase))
                return Broken(chainId, expected - 1, command[0].Seq, command.Count == 1
                    ? $"row {row.Seq} ({row.Kind}) was changed after it was written"
                    : $"one of rows {command[0].Seq}–{row.Seq} (written by one command) was changed after it was written");
            previous = row.Hash;
            command.Clear();
        }
        if (command.Count > 0)
            return Broken(chainId, expected - 1, command[0].Seq,
                $"rows {command[0].Seq}–{command[^1].Seq} are sealed by no hash: the last row of their command was removed, or they were added afterwards");

        // Records (decision 031): each must start where the chain stands, unpack, and end on its seal; one without a
        // seal (a finished instance's) must be the last, sealed by the head.
        HistoryRecord? unsealed = null;
        foreach (var record in records)
        {
            if (unsealed is not null)
                return Broken(chainId, expected - 1, record.Seq, $"the record starting at event {record.Seq} follows the chain's last record: it was added afterwards");
            if (record.Seq != expected)
                return Broken(chainId, expected - 1, expected, record.Seq > expected
                    ? $"events {expected}–{record.Seq - 1} are missing (a record was removed)"
                    : $"the record starting at event {record.Seq} overlaps the events before it");
            List<List<HistoryEventRow>> commands;
            try
            {
                commands = HistoryPacking.Unpack(record);
            }
            catch (InvalidDataException ex)
            {
                return Broken(chainId, expected - 1, record.Seq, $"the record starting at event {record.Seq} cannot be read ({ex.Message}): it was changed after it was written");
            }
            foreach (var events in commands)
            {
                previous = HistoryHash.Compute(previous, events);
                expected += events.Count;
            }
            if (record.Seal.Length == 0)
                unsealed = record;
            else if (!string.Equals(previous, Convert.ToHexStringLower(record.Seal), StringComparison.Ordinal))
                return Broken(chainId, expected - 1, record.Seq,
                    $"one of events {record.Seq}–{expected - 1} (stored in one record) was changed after it was written");
        }

        var count = expected - 1;
        if (head is null)
            return count == 0
                ? new ChainVerification(chainId, 0, false, null, "no history exists for this chain")
                : Broken(chainId, count, 1, "the chain head is missing");
        if (unsealed is not null && head.LastSeq == count && !string.Equals(head.LastHash, previous, StringComparison.OrdinalIgnoreCase))
            return Broken(chainId, count, unsealed.Seq, $"one of events {unsealed.Seq}–{count} (stored in one record) was changed after it was written");
        if (head.LastSeq != count || !string.Equals(head.LastHash, previous, StringComparison.OrdinalIgnoreCase))
            return Broken(chainId, count, expected, $"the chain ends at event {count} but its head says {head.LastSeq}: events at the end were removed");
        return new ChainVerification(chainId, count, true, null, null);
    }

    /// <summary>Checks every chain; returns the broken ones (empty when all history is intact).</summary>
    public async Task<IReadOnlyList<ChainVerification>> VerifyAllAsync(CancellationToken ct = default)
    {
        var chains = await new HistoryEvents(db).ChainIdsAsync(ct);
        var broken = new List<ChainVerification>();
        foreach (var chain in chains)
            if (await VerifyAsync(chain, ct) is { Intact: false } result)
                broken.Add(result);
        return broken;
    }

    private static ChainVerification Broken(string chainId, long checkedEvents, long seq, string problem) =>
        new(chainId, checkedEvents, false, seq, problem);
}
