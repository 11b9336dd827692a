using System.Linq.Expressions;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>Reading a task list: counts, numbered pages, pages after a cursor, the kinds present, one task.</summary>
public sealed partial class TaskList
{
    private static readonly Expression<Func<TaskRow, TaskSummary>> ToSummary = t => new TaskSummary
    {
        Id = t.Id, Name = t.Name, TaskDefinitionKey = t.TaskDefinitionKey, InstanceId = t.InstanceId, DefinitionId = t.DefinitionId,
        Assignee = t.Assignee, Owner = t.Owner, DelegationState = t.DelegationState, Priority = t.Priority, Due = t.Due,
        FollowUp = t.FollowUp, CreatedAt = t.CreatedAt,
    };

    public Task<int> CountAsync(CancellationToken ct = default) => _rows.CountAsync(ct);

    /// <summary>Counts up to <paramref name="atMost"/> tasks and stops there: a badge shows "99+", not the exact number.</summary>
    public Task<int> CountAsync(int atMost, CancellationToken ct = default) => CountUpTo(_rows, atMost, ct);

    /// <summary>
    /// Up to this many listed tasks, a counted list's page sorts them all (<see cref="PageAsync(int, int, int?, CancellationToken)"/>).
    /// Ten pages of 25: an inbox counts this far and no further, since counting reads the tasks it counts (1,001 of an
    /// officer's 3,832 at a million reports took 4 ms), and nobody pages past the tenth page rather than filter.
    /// </summary>
    public const int SortedWhole = 250;

    private static Task<int> CountUpTo(IQueryable<TaskRow> rows, int atMost, CancellationToken ct) => rows.Take(atMost).CountAsync(ct);

    /// <summary>For synchronous callers such as metric gauges, which are read in a synchronous callback.</summary>
    public long LongCount() => _rows.LongCount();

    /// <summary>A numbered page: <paramref name="limit"/> tasks after skipping <paramref name="offset"/>, in the list's order.</summary>
    public Task<IReadOnlyList<TaskSummary>> PageAsync(int offset, int limit, CancellationToken ct = default) =>
        PageAsync(offset, limit, listed: null, ct);

    /// <summary>
    /// A numbered page, as <see cref="PageAsync(int, int, CancellationToken)"/>, of a list the caller has counted.
    /// </summary>
    /// <param name="listed">
    /// How many tasks the list holds, or null when it has not been counted (or counting stopped). Up to
    /// <see cref="SortedWhole"/> tasks the page sorts them all, a bounded cost whatever the filters; a larger or uncounted
    /// list in due order is walked along its index instead, which costs what the walk passes over: little when the
    /// listed tasks are many, but a planner that guesses a narrow filter wide could pass over most open tasks.
    /// </param>
    public async Task<IReadOnlyList<TaskSummary>> PageAsync(int offset, int limit, int? listed, CancellationToken ct = default)
    {
        (offset, limit) = (Math.Max(0, offset), Math.Max(0, limit));
        if (_order == TaskOrder.Due && Officer is { } officer)
            return await OfficerPageAsync(officer, offset, limit, ct);
        if (_order != TaskOrder.Due || listed <= SortedWhole)
            return await Sorted(_rows).Skip(offset).Take(limit).Select(ToSummary).ToListAsync(ct);
        // Tasks with a due date first, by date, then those without, by creation. As one ORDER BY on "Due IS NULL" the
        // database sorted every listed task for one page (every open task, for a coordinator); as walks of the
        // (Due, CreatedAt) index, a page costs its own rows. The undated walk is asked for only when the dated tasks
        // run out before the page is full, which in an inbox of deadlines is rarely.
        var dated = await _rows.Where(t => t.Due != null).OrderBy(t => t.Due).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(offset).Take(limit).Select(ToSummary).ToListAsync(ct);
        if (dated.Count == limit)
            return dated;
        // Where the undated tasks start in the list: after every dated one (counted only when the page starts past them).
        var datedCount = dated.Count > 0 || offset == 0 ? offset + dated.Count : await CountUpTo(_rows.Where(t => t.Due != null), offset, ct);
        var undated = await _rows.Where(t => t.Due == null).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(Math.Max(0, offset - datedCount)).Take(limit - dated.Count).Select(ToSummary).ToListAsync(ct);
        return [.. dated, .. undated];
    }

    /// <summary>
    /// The list's number of tasks, counted up to <paramref name="atMost"/>, with a numbered page of it. Up to
    /// <paramref name="atMost"/> tasks one statement reads every listed task's id in the list's order, which counts the
    /// list and gives the page, whose rows a second statement reads by id; a count and a
    /// sorted page, as two statements, each worked out the whole list (two intersections of an officer's 3,800 tasks
    /// with a category's 2,200 open reports at a million reports). A longer list is counted as far as the limit and
    /// paged as <see cref="PageAsync(int, int, int?, CancellationToken)"/> pages an uncounted one.
    /// </summary>
    public async Task<TaskPageUpTo> CountedPageAsync(int offset, int limit, int atMost, CancellationToken ct = default)
    {
        (offset, limit) = (Math.Max(0, offset), Math.Max(0, limit));
        // The database sorts the (at most atMost + 1) listed tasks and gives their ids only: their dates, read and parsed
        // here to be sorted, cost more than the sort.
        var listed = await Sorted(_rows.Take(atMost + 1)).Select(t => t.Id).ToListAsync(ct);
        if (listed.Count > atMost)
            return new TaskPageUpTo(await PageAsync(offset, limit, listed: null, ct), atMost, More: true);
        var ids = listed.Skip(offset).Take(limit).ToList();
        if (ids.Count == 0)
            return new TaskPageUpTo([], listed.Count, More: false);
        var rows = await _db.Set<TaskRow>().AsNoTracking().Where(t => ids.Contains(t.Id)).Select(ToSummary).ToListAsync(ct);
        // A task completed between the two statements is left out of the page rather than shown gone.
        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new TaskPageUpTo([.. ids.Where(byId.ContainsKey).Select(id => byId[id])], listed.Count, More: false);
    }

    /// <summary>
    /// The next <paramref name="limit"/> tasks after <paramref name="after"/> (the previous page's last task) in the list's
    /// order; from the start when it is null.
    /// </summary>
    public async Task<IReadOnlyList<TaskSummary>> AfterAsync(TaskCursor? after, int limit, CancellationToken ct = default)
    {
        var rows = after is null ? _rows : _rows.Where(Beyond(after));
        return await Sorted(rows).Take(Math.Max(0, limit)).Select(ToSummary).ToListAsync(ct);
    }

    /// <summary>
    /// The kinds of task in the list, by name, each with its number of tasks; a handful, whatever the number of tasks.
    /// Their counts add up to the list's <see cref="CountAsync"/>, so a page that shows both reads the list once.
    /// </summary>
    public Task<IReadOnlyList<TaskKind>> KindsAsync(CancellationToken ct = default) => KindsOf(_rows, ct);

    private static async Task<IReadOnlyList<TaskKind>> KindsOf(IQueryable<TaskRow> rows, CancellationToken ct)
    {
        var kinds = await rows.GroupBy(t => new { t.TaskDefinitionKey, t.Name })
            .Select(g => new { g.Key.TaskDefinitionKey, g.Key.Name, Count = g.Count() }).ToListAsync(ct);
        return kinds.GroupBy(k => k.TaskDefinitionKey)
            .Select(g => new TaskKind(g.Key, g.Select(k => k.Name).FirstOrDefault(n => n is not null) ?? g.Key, g.Sum(k => k.Count)))
            .OrderBy(k => k.Name).ToList();
    }

    /// <summary>
    /// The kinds of task in the list and the list's number of tasks, counting no further than <paramref name="atMost"/>
    /// tasks: an inbox's filter choices and its "page 1 of N", which at a million reports would otherwise read every
    /// open task of the province on each visit. Up to <paramref name="atMost"/> tasks the answer is exact (as
    /// <see cref="KindsAsync(CancellationToken)"/>); beyond it, the kinds are those of all open tasks, read from their
    /// index a kind at a time, uncounted, and the total is "more than <paramref name="atMost"/>".
    /// </summary>
    public async Task<TaskKindsUpTo> KindsAsync(int atMost, CancellationToken ct = default)
    {
        var first = await KindsOf(_rows.Take(atMost + 1), ct);
        var counted = first.Sum(k => k.Count);
        if (counted <= atMost)
            return new TaskKindsUpTo(first, counted, More: false);
        return await LongerThanAsync(atMost, ct);
    }

    /// <summary>
    /// What <see cref="KindsAsync(int, CancellationToken)"/> answers for a list longer than <paramref name="atMost"/>,
    /// without reading the list: for a caller that has just seen it that long (counting it again reads
    /// <paramref name="atMost"/> + 1 tasks to learn the same).
    /// </summary>
    public async Task<TaskKindsUpTo> LongerThanAsync(int atMost, CancellationToken ct = default)
    {
        var kinds = await _db.Database.SqlQueryRaw<KindName>(KindsOfOpenTasks).ToListAsync(ct);
        return new TaskKindsUpTo(kinds.Select(k => new TaskKind(k.Key, k.Name ?? k.Key)).OrderBy(k => k.Name).ToList(), atMost, More: true);
    }

    /// <summary>
    /// Every kind among the open tasks in a handful of index seeks (a loose scan: the next key after the last one found),
    /// each with the name of one of its tasks. Plain SQL that SQLite and PostgreSQL both run; the names are the model's.
    /// </summary>
    private const string KindsOfOpenTasks = """
        WITH RECURSIVE kind("Key") AS (
            SELECT MIN("TaskDefinitionKey") FROM "wf_task"
            UNION ALL
            SELECT (SELECT MIN(t."TaskDefinitionKey") FROM "wf_task" AS t WHERE t."TaskDefinitionKey" > kind."Key") FROM kind WHERE kind."Key" IS NOT NULL)
        SELECT kind."Key" AS "Key",
               (SELECT n."Name" FROM "wf_task" AS n WHERE n."TaskDefinitionKey" = kind."Key" AND n."Name" IS NOT NULL LIMIT 1) AS "Name"
        FROM kind WHERE kind."Key" IS NOT NULL
        """;

    private sealed record KindName(string Key, string? Name);

    /// <summary>The task with <paramref name="taskId"/> if it is in this list (so null both when unknown and when hidden).</summary>
    public async Task<TaskDetails?> FindAsync(string taskId, CancellationToken ct = default)
    {
        // The candidates in a second query rather than an Include: a list can be a union of parts (an officer's on
        // SQLite), which EF cannot join a collection to.
        var row = await _rows.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (row is null)
            return null;
        var candidates = await _db.Set<TaskCandidateRow>().AsNoTracking().Where(c => c.TaskId == taskId).Select(c => new { c.Kind, c.Value }).ToListAsync(ct);
        return new TaskDetails
        {
            Id = row.Id, Name = row.Name, TaskDefinitionKey = row.TaskDefinitionKey, InstanceId = row.InstanceId,
            DefinitionId = row.DefinitionId, Assignee = row.Assignee, Owner = row.Owner, DelegationState = row.DelegationState,
            Priority = row.Priority, Due = row.Due, FollowUp = row.FollowUp, CreatedAt = row.CreatedAt,
            Description = row.Description, FormKey = row.FormKey,
            CandidateUsers = candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).ToList(),
            CandidateGroups = candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).ToList(),
        };
    }

    private IOrderedQueryable<TaskRow> Sorted(IQueryable<TaskRow> rows) => _order switch
    {
        TaskOrder.Priority => rows.OrderByDescending(t => t.Priority).ThenBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Id),
        TaskOrder.Newest => rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        _ => rows.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    /// <summary>The rows that come after the cursor in the list's order: the order's keys compared one by one.</summary>
    private Expression<Func<TaskRow, bool>> Beyond(TaskCursor c)
    {
        var id = c.Id;
        var created = c.CreatedAt;
        var priority = c.Priority;
        switch (_order)
        {
            case TaskOrder.Newest:
                return t => t.CreatedAt < created || (t.CreatedAt == created && string.Compare(t.Id, id) < 0);
            case TaskOrder.Priority when c.Due is { } due:
                return t => t.Priority < priority || (t.Priority == priority
                    && (t.Due == null || t.Due > due || (t.Due == due && string.Compare(t.Id, id) > 0)));
            case TaskOrder.Priority:
                return t => t.Priority < priority || (t.Priority == priority && t.Due == null && string.Compare(t.Id, id) > 0);
            default:
                if (c.Due is { } dueAt)
                    return t => t.Due == null || t.Due > dueAt
                                || (t.Due == dueAt && (t.CreatedAt > created || (t.CreatedAt == created && string.Compare(t.Id, id) > 0)));
                return t => t.Due == null && (t.CreatedAt > created || (t.CreatedAt == created && string.Compare(t.Id, id) > 0));
        }
    }
}
