using Lapor.Host.Data;
using Lapor.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Operations;

/// <summary>
/// What waits for people and for delivery, counted for the metrics gauges. Each is a COUNT over an indexed column (or
/// a small table), so a scrape every few seconds costs little even with a large history.
/// </summary>
public sealed record WorkloadCounts(long OpenTasks, long OverdueTasks, long OutboxBacklog, long OpenIncidents)
{
    // Synchronous on purpose: observable instruments are read in a synchronous callback.
    public static WorkloadCounts Read(LaporDb db, TaskQuery tasks, InstanceQuery instances, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        return new WorkloadCounts(
            tasks.Open().LongCount(),
            tasks.Open().DueBefore(nowUtc).LongCount(),
            db.Outbox.AsNoTracking().LongCount(m => m.SentAt == null),
            instances.IncidentCount());
    }
}
