using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// The host's way to read open human tasks: start from <see cref="Open"/>, add conditions, then count or read a page.
/// Every condition, order and page becomes part of one SQL query, so nothing is filtered in memory.
/// </summary>
public sealed class TaskQuery(DbContext db)
{
    /// <summary>Every open task, to narrow down.</summary>
    public TaskList Open() => new(db, db.Set<TaskRow>().AsNoTracking(), TaskOrder.Due);

    /// <summary>One open task with its candidates, whoever may see it; null when there is no such open task.</summary>
    public Task<TaskDetails?> FindAsync(string taskId, CancellationToken ct = default) => Open().FindAsync(taskId, ct);
}
