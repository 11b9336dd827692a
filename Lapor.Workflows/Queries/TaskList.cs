using System.Linq.Expressions;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// A list of open tasks still being described: each method returns a narrower list and leaves this one as it was.
/// Reading it (<see cref="TaskList.CountAsync"/>, <see cref="TaskList.PageAsync"/>, <see cref="TaskList.AfterAsync"/>)
/// runs one query.
/// </summary>
public sealed partial class TaskList
{
    private readonly DbContext _db;
    private readonly IQueryable<TaskRow> _rows;
    private readonly TaskOrder _order;

    /// <summary>
    /// Set on the list <see cref="VisibleTo"/> returns, and kept by <see cref="InCategory"/> straight after it, until
    /// another condition is added: who it was narrowed to, in which category, and the list before. From it
    /// <see cref="InCategory"/> narrows the candidates themselves rather than the result, and an officer's page is read
    /// in its parts (<see cref="OfficerPageAsync"/>).
    /// </summary>
    private readonly Visibility? _visibility;

    private sealed record Visibility(TaskAudience Audience, IQueryable<TaskRow> Before, string? Category);

    /// <summary>One group's unclaimed tasks and <paramref name="User"/>'s own, among <paramref name="Open"/>.</summary>
    private sealed record OfficerList(IQueryable<TaskRow> Open, string Group, string User, string? Category)
    {
        /// <summary>The officer's list when <paramref name="audience"/> is an officer's (one group's unclaimed tasks and their own).</summary>
        public static OfficerList? Of(TaskAudience audience, IQueryable<TaskRow> open, string? category) =>
            audience is { Groups.Count: 0, UnclaimedGroups: [var group], User: { } user } ? new OfficerList(open, group, user, category) : null;
    }

    /// <summary>The officer this list is exactly the tasks of (see <see cref="_visibility"/>), if it is one.</summary>
    private OfficerList? Officer => _visibility is { } seen ? OfficerList.Of(seen.Audience, seen.Before, seen.Category) : null;

    internal TaskList(DbContext db, IQueryable<TaskRow> rows, TaskOrder order) : this(db, rows, order, null)
    {
    }

    private TaskList(DbContext db, IQueryable<TaskRow> rows, TaskOrder order, Visibility? visibility)
    {
        _db = db;
        _rows = rows;
        _order = order;
        _visibility = visibility;
    }

    private TaskList With(IQueryable<TaskRow> rows) => new(_db, rows, _order);

    /// <summary>
    /// Only the tasks <paramref name="audience"/> may see. An officer's list is read in parts on both providers
    /// (<see cref="UnclaimedOrOwn"/>); on SQLite the allowed ids of other audiences form one <c>IN (…)</c> sub-query: a
    /// correlated <c>EXISTS</c> per task, or an OR with the assignee, made its planner read every task (0.4–0.5 s for one
    /// page at 100k tasks); one id list (group's tasks + own tasks) lets it seek by key instead. PostgreSQL gets the OR
    /// (<see cref="VisibleOnRow"/>), which it reads best.
    /// </summary>
    public TaskList VisibleTo(TaskAudience audience) => new(_db, Visible(audience, category: null), _order, new Visibility(audience, _rows, null));

    /// <summary>
    /// Only the tasks of instances started with <paramref name="category"/> (<see cref="Runtime.StartRequest.Category"/>).
    /// Right after <see cref="VisibleTo"/>, the category narrows the audience's candidate groups too, so a group's tasks
    /// in a category are one range of the candidates' index instead of the group's tasks joined to the category's.
    /// </summary>
    public TaskList InCategory(string category)
    {
        if (_visibility is not { Category: null } seen)
            return With(_rows.Where(t => t.Category == category));
        return new TaskList(_db, new TaskList(_db, seen.Before, _order).Visible(seen.Audience, category), _order, seen with { Category = category });
    }

    /// <summary>This list's rows that <paramref name="audience"/> sees, in <paramref name="category"/> unless it is null.</summary>
    private IQueryable<TaskRow> Visible(TaskAudience audience, string? category)
    {
        if (OfficerList.Of(audience, _rows, category) is { } officer)
            return UnclaimedOrOwn(officer);
        var rows = category is null ? _rows : _rows.Where(t => t.Category == category);
        if (!SqliteModels.IsSqlite(_db))
            return rows.Where(VisibleOnRow(audience, category));
        IQueryable<string>? ids = null;
        if (audience.Groups.Count > 0)
            ids = Union(ids, OfferedTo(audience.Groups, category).Select(c => c.TaskId));
        if (audience.UnclaimedGroups.Count > 0)
        {
            // The unassigned condition sits inside the id list: a condition on the outer rows would let the planner
            // walk every unassigned task instead of seeking the listed ones.
            ids = Union(ids,
                from c in OfferedTo(audience.UnclaimedGroups, category)
                join t in _db.Set<TaskRow>() on c.TaskId equals t.Id
                where t.Assignee == null
                select t.Id);
        }
        if (audience.User is { } user)
        {
            // The owner of a delegated task must still see what comes back to them.
            ids = Union(ids, _db.Set<TaskRow>().Where(t => t.Assignee == user).Select(t => t.Id)
                .Concat(_db.Set<TaskRow>().Where(t => t.Owner == user).Select(t => t.Id)));
        }
        return ids is null ? rows.Where(_ => false) : rows.Where(t => ids.Contains(t.Id));
    }

    /// <summary>
    /// An officer's list (one group's unclaimed tasks and the officer's own) as three disjoint parts read one
    /// after the other: the group's candidates joined to their tasks, the tasks the officer holds, and those they own
    /// but that are in neither. Unlike the id list above, which SQLite builds whole before reading a row, this can stop
    /// as soon as a count, a badge or a sample of kinds has enough: at a million reports, with 3,800 tasks offered to
    /// one agency, the badge's count went from 3.7 to 0.1 ms and the kinds' sample from 4.4 to 1.1 ms. The parts must
    /// not overlap, or a task would be listed twice: a held task is never unclaimed, and the owned part leaves out both;
    /// a task names a group once among its candidates (the interpreter drops repeats), so the join gives it once.
    /// PostgreSQL reads it the same way since decision 038: each part from its index, where the one condition per row
    /// (<see cref="VisibleOnRow"/>) read every open task; an officer's page with a category, 22.3 → 20.0 ms p50 at a
    /// million reports.
    /// </summary>
    /// <remarks>
    /// In a category, the group's part reads the candidates' (Kind, Value, Category) range, whose rows carry the task's
    /// category; the held and owned parts test the category on the rows their user's index finds. Tested as a plain
    /// equality there, it let SQLite (which keeps no statistics here) walk the category's index instead: every open task
    /// of the category (2,300 at a million reports, 11 ms) for the few an officer holds.
    /// </remarks>
    private IQueryable<TaskRow> UnclaimedOrOwn(OfficerList officer)
    {
        var (held, ownedOnly) = OwnParts(officer);
        return Unclaimed(officer).Select(x => x.Task).Concat(held).Concat(ownedOnly);
    }

    /// <summary>An officer's own tasks as two disjoint parts: those they hold, and those they own but are in no other part.</summary>
    private (IQueryable<TaskRow> Held, IQueryable<TaskRow> OwnedOnly) OwnParts(OfficerList officer)
    {
        var (user, category) = (officer.User, officer.Category);
        var held = officer.Open.Where(t => t.Assignee != null && t.Assignee == user);
        var offeredIds = OfferedTo([officer.Group], category).Select(c => c.TaskId);
        var ownedOnly = officer.Open.Where(t => t.Owner == user && (t.Assignee == null ? !offeredIds.Contains(t.Id) : t.Assignee != user));
        if (category is not null)
        {
            // COALESCE makes it a test on the row, not a term an index could serve.
            held = held.Where(t => (t.Category ?? "") == category);
            ownedOnly = ownedOnly.Where(t => (t.Category ?? "") == category);
        }
        return (held, ownedOnly);
    }

    /// <summary>
    /// The same rule as one condition on each task row, for PostgreSQL's other audiences: it reads the open tasks once and tests each
    /// against the group's candidate ids, hashed once (12–14 ms for an officer at a million reports), where the id list
    /// above had it look up each listed task again by key (29–39 ms). SQLite's planner, given an OR, read every task at
    /// a cost per task far above PostgreSQL's, hence the list there.
    /// </summary>
    private Expression<Func<TaskRow, bool>> VisibleOnRow(TaskAudience audience, string? category)
    {
        var conditions = new List<Expression<Func<TaskRow, bool>>>();
        if (audience.Groups.Count > 0)
        {
            var offered = OfferedTo(audience.Groups, category).Select(c => c.TaskId);
            conditions.Add(t => offered.Contains(t.Id));
        }
        if (audience.UnclaimedGroups.Count > 0)
        {
            var offered = OfferedTo(audience.UnclaimedGroups, category).Select(c => c.TaskId);
            conditions.Add(t => t.Assignee == null && offered.Contains(t.Id));
        }
        if (audience.User is { } user)
            conditions.Add(t => t.Assignee == user || t.Owner == user);
        if (conditions.Count == 0)
            return _ => false;
        var row = conditions[0].Parameters[0];
        var body = conditions.Skip(1).Aggregate(conditions[0].Body,
            (either, next) => Expression.OrElse(either, new ParameterSwap(next.Parameters[0], row).Visit(next.Body)));
        return Expression.Lambda<Func<TaskRow, bool>>(body, row);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <param name="category">Only candidates of tasks in this category (null: all): a candidate row carries its task's
    /// category, written with it (<see cref="TaskCandidateRow.Category"/>).</param>
    private IQueryable<TaskCandidateRow> OfferedTo(IReadOnlyList<string> groups, string? category = null)
    {
        var candidates = _db.Set<TaskCandidateRow>().Where(c => c.Kind == CandidateKind.Group);
        if (category is not null)
            candidates = candidates.Where(c => c.Category == category);
        // One or two groups (the usual case) as plain equalities, which every provider seeks by the candidate index.
        var first = groups[0];
        if (groups.Count == 1)
            return candidates.Where(c => c.Value == first);
        var second = groups[1];
        if (groups.Count == 2)
            return candidates.Where(c => c.Value == first || c.Value == second);
        var all = groups.ToList();
        return candidates.Where(c => all.Contains(c.Value));
    }

    private static IQueryable<string> Union(IQueryable<string>? ids, IQueryable<string> more) => ids is null ? more : ids.Concat(more);

    /// <summary>Tasks <paramref name="user"/> holds.</summary>
    public TaskList AssignedTo(string user) => With(_rows.Where(t => t.Assignee != null && t.Assignee == user));

    /// <summary>Tasks nobody holds.</summary>
    public TaskList Unassigned() => With(_rows.Where(t => t.Assignee == null));

    /// <summary>Tasks of one user task of the process (its element id).</summary>
    public TaskList OfKind(string taskDefinitionKey) => With(_rows.Where(t => t.TaskDefinitionKey == taskDefinitionKey));

    /// <summary>Tasks with a due date before <paramref name="end"/> (UTC, exclusive): overdue when it is now.</summary>
    public TaskList DueBefore(DateTime end) => With(_rows.Where(t => t.Due != null && t.Due < end));

    /// <summary>Tasks due from <paramref name="from"/> to <paramref name="until"/> (UTC, both inclusive).</summary>
    public TaskList DueBetween(DateTime from, DateTime until) => With(_rows.Where(t => t.Due != null && t.Due >= from && t.Due <= until));

    /// <summary>Tasks created after <paramref name="since"/> (UTC, exclusive).</summary>
    public TaskList CreatedAfter(DateTime since) => With(_rows.Where(t => t.CreatedAt > since));

    /// <summary>What a badge counts: tasks created after <paramref name="since"/>, or due by <paramref name="dueBy"/> (UTC).</summary>
    public TaskList NewOrDueBy(DateTime since, DateTime dueBy) =>
        With(_rows.Where(t => t.CreatedAt > since || (t.Due != null && t.Due <= dueBy)));

    /// <summary>
    /// Tasks of the given instances, as a sub-query of the caller's own tables (e.g. "instances of reports in category X"):
    /// it stays an <c>IN (…)</c> the database drives from the caller's indexes.
    /// </summary>
    public TaskList InInstances(IQueryable<string> instanceIds) => With(_rows.Where(t => instanceIds.Contains(t.InstanceId)));

    /// <summary>Tasks of the listed instances.</summary>
    public TaskList InInstances(IReadOnlyCollection<string> instanceIds)
    {
        var ids = instanceIds.ToList();
        return With(_rows.Where(t => ids.Contains(t.InstanceId)));
    }

    /// <summary>
    /// Tasks whose name contains <paramref name="term"/> (case-insensitive), or, when given, that belong to one of
    /// <paramref name="orInstanceIds"/>: a search box that finds tasks by their own name or by the caller's data.
    /// </summary>
    public TaskList NameContains(string term, IQueryable<string>? orInstanceIds = null)
    {
        var lower = term.Trim().ToLower();
        return orInstanceIds is null
            ? With(_rows.Where(t => t.Name != null && t.Name.ToLower().Contains(lower)))
            : With(_rows.Where(t => (t.Name != null && t.Name.ToLower().Contains(lower)) || orInstanceIds.Contains(t.InstanceId)));
    }

    /// <summary>The same tasks, read in <paramref name="order"/> (default <see cref="TaskOrder.Due"/>).</summary>
    public TaskList OrderBy(TaskOrder order) => new(_db, _rows, order, _visibility);
}
