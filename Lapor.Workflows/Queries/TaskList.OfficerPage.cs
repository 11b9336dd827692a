using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// An officer's page in due order, read part by part: the group's unclaimed tasks from the candidates' due-ordered
/// index, the held ones from the assignee's, the owned ones (a handful) sorted. Each part gives at most the rows up to
/// the page's end, and the page is merged from them here. The union of the parts, sorted as one, read every task the
/// officer may see for one page: 3,832 at a million reports (6–7 ms), against 44 at ten thousand.
/// </summary>
public sealed partial class TaskList
{
    private async Task<IReadOnlyList<TaskSummary>> OfficerPageAsync(OfficerList officer, int offset, int limit, CancellationToken ct)
    {
        var end = offset + limit;
        var dated = await MergedAsync(officer, dated: true, end, ct);
        if (dated.Count >= end)
            return dated[offset..end];
        // Every dated task is in hand (no part had as many as the page's end), so the undated ones start right after them.
        var undated = await MergedAsync(officer, dated: false, end - dated.Count, ct);
        return [.. dated.Skip(offset), .. undated.Skip(Math.Max(0, offset - dated.Count)).Take(limit - Math.Max(0, dated.Count - offset))];
    }

    /// <summary>The first <paramref name="count"/> of the officer's tasks with (or without) a due date, in the list's order.</summary>
    private async Task<List<TaskSummary>> MergedAsync(OfficerList officer, bool dated, int count, CancellationToken ct)
    {
        if (count <= 0)
            return [];
        var (held, ownedOnly) = OwnParts(officer);
        List<TaskSummary> all =
        [
            .. await Unclaimed(officer, dated).Take(count).Select(ToSummary).ToListAsync(ct),
            .. await InDueOrder(held, dated).Take(count).Select(ToSummary).ToListAsync(ct),
            .. await InDueOrder(ownedOnly, dated).Take(count).Select(ToSummary).ToListAsync(ct),
        ];
        // The parts are disjoint (UnclaimedOrOwn), so merging them is sorting their heads.
        return [.. all.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>The group's unclaimed tasks, ordered by the keys their candidate rows carry, so the index gives the order.</summary>
    private IQueryable<TaskRow> Unclaimed(OfficerList officer, bool dated)
    {
        var candidates = OfferedTo([officer.Group], officer.Category);
        var offered = from c in candidates
                      join t in officer.Open on c.TaskId equals t.Id
                      where t.Assignee == null
                      select new { c, t };
        return dated
            ? offered.Where(x => x.c.Due != null).OrderBy(x => x.c.Due).ThenBy(x => x.c.CreatedAt).ThenBy(x => x.c.TaskId).Select(x => x.t)
            : offered.Where(x => x.c.Due == null).OrderBy(x => x.c.CreatedAt).ThenBy(x => x.c.TaskId).Select(x => x.t);
    }

    private static IQueryable<TaskRow> InDueOrder(IQueryable<TaskRow> rows, bool dated) =>
        dated
            ? rows.Where(t => t.Due != null).OrderBy(t => t.Due).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            : rows.Where(t => t.Due == null).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);
}
