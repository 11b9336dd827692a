using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>
/// Deletes messages that were delivered more than <see cref="DeliverySettings.KeepSentDays"/> ago. A sent message is
/// only a copy of a notice (the report's own timeline is the record), and each keeps its whole text: left alone, the
/// outbox would grow by a few kilobytes with every report for as long as the province runs. Pending and dead messages
/// stay until they are sent, retried or discarded. Deleted in batches, so a large first prune never holds the writer
/// for long.
/// </summary>
public sealed class OutboxRetention(LaporDb db, DeliverySettings settings, TimeProvider clock)
{
    /// <summary>Rows one statement deletes at most.</summary>
    public const int BatchSize = 500;

    /// <summary>Deletes what is due; returns how many messages went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        if (settings.KeepSentDays <= 0)
            return 0;
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-settings.KeepSentDays);
        var deleted = 0;
        while (!ct.IsCancellationRequested)
        {
            // The ids first, then the delete: the same two plain statements on SQLite and PostgreSQL.
            var due = await db.Outbox.AsNoTracking().Where(m => m.SentAt != null && m.SentAt < before).OrderBy(m => m.Id)
                .Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count > 0)
                deleted += await db.Outbox.Where(m => due.Contains(m.Id) && m.SentAt != null).ExecuteDeleteAsync(ct);
            if (due.Count < BatchSize)
                break;
        }
        return deleted;
    }
}
