using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Support;

/// <summary>What someone with write access to the database could do to history records, for the verifier's tests.</summary>
internal static class HistoryTampering
{
    /// <summary>Changes one event inside its record and packs the record again, keeping the record's seal.</summary>
    public static Task<HistoryRecord> EditEventAsync(EngineHarness h, string chainId, long seq, Action<HistoryEventRow> change) => h.Query(async db =>
    {
        var record = (await RecordsOfAsync(db, chainId)).Last(r => r.Seq <= seq);
        var commands = HistoryPacking.Unpack(record);
        change(commands.SelectMany(c => c).Single(e => e.Seq == seq));
        HistoryPacking.Repack(record, commands);
        await db.SaveChangesAsync();
        return record;
    });

    /// <summary>Deletes the record holding event <paramref name="seq"/>; returns the record's first seq.</summary>
    public static Task<long> DeleteRecordAsync(EngineHarness h, string chainId, long seq) => h.Query(async db =>
    {
        var record = (await RecordsOfAsync(db, chainId)).Last(r => r.Seq <= seq);
        db.Remove(record);
        await db.SaveChangesAsync();
        return record.Seq;
    });

    /// <summary>The chain's records, lasting and open, in order.</summary>
    public static Task<List<HistoryRecord>> RecordsAsync(EngineHarness h, string chainId) => h.Query(db => RecordsOfAsync(db, chainId));

    /// <summary>
    /// Turns the chain's records into one row per event, each with its own hash, as release 1 wrote history; returns the
    /// number of rows.
    /// </summary>
    public static Task<int> RewriteAsLegacyRowsAsync(EngineHarness h, string chainId) => h.Query(async db =>
    {
        var events = await new HistoryEvents(db).OfChainAsync(chainId);
        db.RemoveRange(await RecordsOfAsync(db, chainId));
        var previous = HistoryHash.Genesis;
        foreach (var e in events)
        {
            e.Id = 0;
            e.Hash = "";
            previous = e.Hash = HistoryHash.Compute(previous, [e]);
            db.Add(e);
        }
        var head = await db.Set<HistoryChainRow>().SingleAsync(c => c.ChainId == chainId);
        head.LastHash = previous;
        await db.SaveChangesAsync();
        return events.Count;
    });

    private static async Task<List<HistoryRecord>> RecordsOfAsync(WorkflowDb db, string chainId) =>
        (await db.Set<HistoryRecordRow>().Where(r => r.ChainId == chainId).ToListAsync()).Cast<HistoryRecord>()
        .Concat(await db.Set<OpenHistoryRecordRow>().Where(r => r.ChainId == chainId).ToListAsync())
        .OrderBy(r => r.Seq).ToList();
}
