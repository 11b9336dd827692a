using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Audit;

/// <summary>Edits and deletions of history records straight in the database, as someone with write access could make them.</summary>
internal static class RecordTampering
{
    /// <summary>Changes event <paramref name="seq"/> inside its record and packs it again, keeping the record's seal.</summary>
    public static Task<long> EditEventAsync(AuditHost host, string chainId, long seq, Action<HistoryEventRow> change) => host.WithDbAsync(async db =>
    {
        var record = await db.Set<HistoryRecordRow>().Where(r => r.ChainId == chainId && r.Seq <= seq).OrderByDescending(r => r.Seq).FirstAsync();
        var commands = HistoryPacking.Unpack(chainId, record.Seq, record.Packed);
        change(commands.SelectMany(c => c).Single(e => e.Seq == seq));
        record.Packed = HistoryPacking.Pack(chainId, commands);
        await db.SaveChangesAsync();
        return record.Seq;
    });

    /// <summary>The chain's records (first seq and seal), in order.</summary>
    public static Task<List<(long Seq, string Seal)>> RecordsAsync(AuditHost host, string chainId) => host.WithDbAsync(async db =>
        (await db.Set<HistoryRecordRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync())
        .Select(r => (r.Seq, Convert.ToHexStringLower(r.Seal))).ToList());
}
