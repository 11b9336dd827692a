using System.Linq.Expressions;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// Reads the engine's history for the REST API and the host. History is one append-only table, so a task or a node
/// visit is several rows; the lists here pair them inside the query (correlated sub-queries on the instance's own
/// chain) so filters, sorting and paging run in the database and only the requested page is read. Read-only.
/// </summary>
public sealed partial class HistoryQuery(DbContext db)
{
    private IQueryable<HistoryEventRow> Rows => db.Set<HistoryEventRow>().AsNoTracking();

    /// <summary>Process instances, running and finished, with the name and version of their definition.</summary>
    public async Task<IReadOnlyList<HistoricProcessInstance>> InstancesAsync(
        HistoricInstanceFilter filter, HistoricInstanceSort sort = HistoricInstanceSort.StartTime, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        if (page?.After is not null)
            throw new ArgumentException("Process instances are paged by position only.", nameof(page));
        var query = Instances(filter);
        var ordered = sort switch
        {
            HistoricInstanceSort.InstanceId => Order(query, i => i.Id, descending),
            HistoricInstanceSort.DefinitionId => Order(query, i => i.DefinitionId, descending),
            HistoricInstanceSort.DefinitionKey => Order(query, i => i.DefinitionKey, descending),
            HistoricInstanceSort.BusinessKey => Order(query, i => i.BusinessKey, descending),
            HistoricInstanceSort.EndTime => Order(query, i => i.EndedAt, descending),
            _ => Order(query, i => i.StartedAt, descending),
        };
        return await Paged(ordered.ThenBy(i => i.Id), page).Select(ToInstance).ToListAsync(ct);
    }

    public Task<int> CountInstancesAsync(HistoricInstanceFilter filter, CancellationToken ct = default) => Instances(filter).CountAsync(ct);

    public Task<HistoricProcessInstance?> InstanceAsync(string instanceId, CancellationToken ct = default) =>
        db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.Id == instanceId).Select(ToInstance).FirstOrDefaultAsync(ct);

    private IQueryable<ProcessInstanceRow> Instances(HistoricInstanceFilter filter)
    {
        var query = db.Set<ProcessInstanceRow>().AsNoTracking();
        if (filter.InstanceId is { } id)
            query = query.Where(i => i.Id == id);
        if (filter.BusinessKey is { } businessKey)
            query = query.Where(i => i.BusinessKey == businessKey);
        if (filter.DefinitionKey is { } key)
            query = query.Where(i => i.DefinitionKey == key);
        if (filter.DefinitionId is { } definitionId)
            query = query.Where(i => i.DefinitionId == definitionId);
        if (filter.StartedBy is { } startedBy)
            query = query.Where(i => i.StartedBy == startedBy);
        if (filter.Finished)
            query = query.Where(i => i.Status != Execution.InstanceStatus.Active);
        if (filter.Unfinished)
            query = query.Where(i => i.Status == Execution.InstanceStatus.Active);
        if (filter.StartedBefore is { } before)
            query = query.Where(i => i.StartedAt < before);
        if (filter.StartedAfter is { } after)
            query = query.Where(i => i.StartedAt > after);
        return query;
    }

    private Expression<Func<ProcessInstanceRow, HistoricProcessInstance>> ToInstance => i => new HistoricProcessInstance
    {
        Id = i.Id, BusinessKey = i.BusinessKey, DefinitionId = i.DefinitionId, DefinitionKey = i.DefinitionKey,
        DefinitionName = db.Set<ProcessDefinitionRow>().Where(d => d.Id == i.DefinitionId).Select(d => d.Name).FirstOrDefault(),
        DefinitionVersion = db.Set<ProcessDefinitionRow>().Where(d => d.Id == i.DefinitionId).Select(d => (int?)d.Version).FirstOrDefault(),
        StartTime = i.StartedAt, EndTime = i.EndedAt, StartedBy = i.StartedBy, StartActivityId = i.StartActivityId, Status = i.Status,
    };

    /// <summary>Keyset paging on the row that anchors each item (the task's creation, the node's start…).</summary>
    private static IQueryable<HistoryEventRow> After(IQueryable<HistoryEventRow> anchors, HistoryPage page, bool byTime, bool descending)
    {
        if (page.After is not { } after)
            return anchors;
        if (!byTime)
            throw new ArgumentException("Keyset paging (After) needs a list sorted by time.", nameof(page));
        var (time, id) = (after.Time, after.Id);
        return descending
            ? anchors.Where(h => h.Time < time || (h.Time == time && h.Id < id))
            : anchors.Where(h => h.Time > time || (h.Time == time && h.Id > id));
    }

    private static IQueryable<T> Paged<T>(IQueryable<T> query, HistoryPage? page)
    {
        if (page?.Skip is { } skip)
            query = query.Skip(skip);
        if (page?.Take is { } take)
            query = query.Take(take);
        return query;
    }

    private static IEnumerable<T> Paged<T>(IEnumerable<T> items, HistoryPage page)
    {
        if (page.Skip is { } skip)
            items = items.Skip(skip);
        if (page.Take is { } take)
            items = items.Take(take);
        return items;
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> items, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    private static IOrderedEnumerable<T> Order<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    /// <summary>Rows of definition <paramref name="key"/>: definition ids are <c>key:version:deployment</c>.</summary>
    private static IQueryable<HistoryEventRow> OfDefinitionKey(IQueryable<HistoryEventRow> rows, string key)
    {
        var prefix = key + ":";
        return rows.Where(h => h.DefinitionId!.StartsWith(prefix));
    }
}
