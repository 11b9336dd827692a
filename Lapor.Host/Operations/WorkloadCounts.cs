using Lapor.Host.Data;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Operations;

/// <summary>
/// What waits for people and for delivery, counted for the metrics gauges. Each is a COUNT over an indexed column (or
/// a small table), so a scrape every few seconds costs little even with a large history.
/// </summary>
public sealed record WorkloadCounts(long OpenTasks, long OverdueTasks, long OutboxBacklog, long OpenIncidents)
{
    // Synchronous on purpose: observable instruments are read in a synchronous callback.
    public static WorkloadCounts Read(LaporDb db, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        var tasks = db.Set<TaskRow>().AsNoTracking();
        return new WorkloadCounts(
            tasks.LongCount(),
            tasks.LongCount(t => t.Due != null && t.Due < nowUtc),
            db.Outbox.AsNoTracking().LongCount(m => m.SentAt == null),
            db.Set<IncidentRow>().AsNoTracking().LongCount());
    }
}
