using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.History;

/// <summary>
/// The one way to read history events inside the engine (decision 031): a chain's events in order, whether stored as
/// one row per event (before decision 031) or packed in history records after them. Everything that reads events
/// (queries, verifier, anchors, the engine's own look-ups, tests) goes through here, never to a table. Unpacked events
/// have no row id (0); the last event of each command carries the command's seal in <see cref="HistoryEventRow.Hash"/>,
/// recomputed from the events, and a record that cannot be unpacked is left out (the verifier reports it).
/// </summary>
internal sealed class HistoryEvents(DbContext db)
{
    /// <summary>One chain's events in seq order (empty when the chain has none).</summary>
    public async Task<List<HistoryEventRow>> OfChainAsync(string chainId, CancellationToken ct = default) =>
        await OfChainsAsync([chainId], ct);

    /// <summary>The events of several chains, each chain's in seq order, chains in ordinal order of their ids.</summary>
    public async Task<List<HistoryEventRow>> OfChainsAsync(IReadOnlyCollection<string> chainIds, CancellationToken ct = default)
    {
        var events = new List<HistoryEventRow>();
        foreach (var slice in chainIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(500))
        {
            var rows = (await db.Set<HistoryEventRow>().AsNoTracking().Where(r => slice.Contains(r.ChainId)).ToListAsync(ct))
                .ToLookup(r => r.ChainId, StringComparer.Ordinal);
            var records = (await RecordsAsync(db, slice, ct)).ToLookup(r => r.ChainId, StringComparer.Ordinal);
            foreach (var chainId in slice)
                events.AddRange(Chain(rows[chainId].OrderBy(r => r.Seq).ToList(), records[chainId].OrderBy(r => r.Seq)));
        }
        return events;
    }

    /// <summary>Every chain's events: for tests and small scans only; it reads the whole history.</summary>
    public async Task<List<HistoryEventRow>> AllAsync(CancellationToken ct = default) => await OfChainsAsync(await ChainIdsAsync(ct), ct);

    /// <summary>The chain that holds task <paramref name="taskId"/>'s events, null when no history knows the task.</summary>
    public async Task<string?> ChainOfTaskAsync(string taskId, CancellationToken ct = default) =>
        await db.Set<HistoryTaskRow>().AsNoTracking().Where(t => t.TaskId == taskId).Select(t => t.ChainId).FirstOrDefaultAsync(ct)
        ?? await db.Set<HistoryEventRow>().AsNoTracking().Where(r => r.TaskId == taskId).Select(r => r.ChainId).FirstOrDefaultAsync(ct);

    /// <summary>Every chain id that has a head, events or records, in ordinal order.</summary>
    public async Task<List<string>> ChainIdsAsync(CancellationToken ct = default)
    {
        // Two queries: records store chain ids as bytes (CompactIdConverter), so SQL cannot unite them with the text ones.
        var texts = await db.Set<HistoryChainRow>().AsNoTracking().Select(c => c.ChainId)
            .Union(db.Set<HistoryEventRow>().Select(r => r.ChainId)).ToListAsync(ct);
        var packed = await db.Set<HistoryRecordRow>().Select(r => r.ChainId)
            .Union(db.Set<OpenHistoryRecordRow>().Select(r => r.ChainId)).ToListAsync(ct);
        return texts.Union(packed, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The records of the chains, lasting and open, unordered.</summary>
    internal static async Task<List<HistoryRecord>> RecordsAsync(DbContext db, IReadOnlyCollection<string> chainIds, CancellationToken ct)
    {
        var records = new List<HistoryRecord>();
        records.AddRange(await db.Set<HistoryRecordRow>().AsNoTracking().Where(r => chainIds.Contains(r.ChainId)).ToListAsync(ct));
        records.AddRange(await db.Set<OpenHistoryRecordRow>().AsNoTracking().Where(r => chainIds.Contains(r.ChainId)).ToListAsync(ct));
        return records;
    }

    /// <summary>A chain's rows as stored, then its records unpacked, each command's last event given its seal.</summary>
    private static IEnumerable<HistoryEventRow> Chain(List<HistoryEventRow> rows, IEnumerable<HistoryRecord> records)
    {
        var seal = rows.LastOrDefault(r => r.Hash.Length > 0)?.Hash ?? HistoryHash.Genesis;
        foreach (var row in rows)
            yield return row;
        foreach (var record in records)
        {
            List<List<HistoryEventRow>> commands;
            try
            {
                commands = HistoryPacking.Unpack(record);
            }
            catch (InvalidDataException)
            {
                continue;
            }
            foreach (var command in commands)
            {
                seal = HistoryHash.Compute(seal, command);
                command[^1].Hash = seal;
                foreach (var e in command)
                    yield return e;
            }
        }
    }
}
