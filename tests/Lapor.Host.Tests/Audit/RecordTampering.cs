using Lapor.Host.Data;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Audit;

/// <summary>Edits and deletions of history records straight in the database, as someone with write access could make them.</summary>
internal static class RecordTampering
{
    /// <summary>Changes event <paramref name="seq"/> inside its record and packs it again, keeping the record's seal; returns the record's first seq.</summary>
    public static Task<long> EditEventAsync(AuditHost host, string chainId, long seq, Action<HistoryEventRow> change) => host.WithDbAsync(async db =>
    {
        var record = (await RecordsOfAsync(db, chainId)).Last(r => r.Seq <= seq);
        Repack(record, e => { if (e.Seq == seq) change(e); });
        await db.SaveChangesAsync();
        return record.Seq;
    });

    /// <summary>Changes every event of the chain that <paramref name="change"/> touches, record by record, keeping the seals.</summary>
    public static Task<int> EditEventsAsync(AuditHost host, string chainId, Action<HistoryEventRow> change) => host.WithDbAsync(async db =>
    {
        foreach (var record in await RecordsOfAsync(db, chainId))
            Repack(record, change);
        return await db.SaveChangesAsync();
    });

    /// <summary>The chain's records (first seq and seal), lasting and open, in order.</summary>
    public static Task<List<(long Seq, string Seal)>> RecordsAsync(AuditHost host, string chainId) => host.WithDbAsync(async db =>
        (await RecordsOfAsync(db, chainId)).Select(r => (r.Seq, Convert.ToHexStringLower(r.Seal))).ToList());

    /// <summary>The SQL table that holds the chain's record starting at <paramref name="seq"/>.</summary>
    public static Task<string> TableOfAsync(AuditHost host, string chainId, long seq) => host.WithDbAsync(async db =>
        (await RecordsOfAsync(db, chainId)).Single(r => r.Seq == seq) is OpenHistoryRecordRow ? "wf_history_open" : "wf_history_record");

    private static void Repack(HistoryRecord record, Action<HistoryEventRow> change)
    {
        var commands = HistoryPacking.Unpack(record);
        foreach (var e in commands.SelectMany(c => c))
            change(e);
        HistoryPacking.Repack(record, commands);
    }

    private static async Task<List<HistoryRecord>> RecordsOfAsync(LaporDb db, string chainId) =>
        (await db.Set<HistoryRecordRow>().Where(r => r.ChainId == chainId).ToListAsync()).Cast<HistoryRecord>()
        .Concat(await db.Set<OpenHistoryRecordRow>().Where(r => r.ChainId == chainId).ToListAsync())
        .OrderBy(r => r.Seq).ToList();
}
