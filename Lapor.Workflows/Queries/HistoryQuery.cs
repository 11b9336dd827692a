using System.Globalization;
using System.Linq.Expressions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// Reads the engine's history for the REST API and the host. Events are read a chain at a time through
/// <see cref="HistoryEvents"/>: packed per command (decision 031), they cannot be filtered or paired by the database.
/// A list reads the chains it needs in slices and filters and pairs (a task's rows, a node's start and end) each
/// slice's events before reading the next, so memory holds the list's items, not every event. A list about one
/// instance or task reads that one chain; a list across instances reads the chains of the instances its definition
/// filter selects, and is refused when that is more than <see cref="MaxChainsScanned"/>. Process instances are rows of
/// their own and are listed by the database. Read-only.
/// </summary>
public sealed partial class HistoryQuery(DbContext db)
{
    /// <summary>The most chains one list reads; a list that would need more is refused and asks for a narrower filter.</summary>
    public const int MaxChainsScanned = 5000;

    // Chains read per round trip: few trips, yet one slice's events stay small.
    private const int ChainsPerRead = 500;

    /// <summary><see cref="MaxChainsScanned"/>, lower in tests that cannot start thousands of instances.</summary>
    internal int ChainLimit { get; init; } = MaxChainsScanned;

    private HistoryEvents Events => new(db);

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

    /// <summary>The chains a list reads: its instance's, else its task's, else those of the instances its definition filter selects.</summary>
    private async Task<IReadOnlyList<string>> ChainsAsync(string? instanceId, string? taskId, string? definitionId, string? definitionKey, CancellationToken ct)
    {
        if (instanceId is not null)
            return [instanceId];
        if (taskId is not null)
            return await Events.ChainOfTaskAsync(taskId, ct) is { } chain ? [chain] : [];
        var instances = db.Set<ProcessInstanceRow>().AsNoTracking();
        // An instance's current definition: the events it wrote before a migration name the version it came from, so
        // every list filters the events themselves by definition again.
        if (definitionId is not null)
            instances = instances.Where(i => i.DefinitionId == definitionId);
        if (definitionKey is not null)
            instances = instances.Where(i => i.DefinitionKey == definitionKey);
        return Capped(await instances.Select(i => i.Id).Take(ChainLimit + 1).ToListAsync(ct));
    }

    /// <summary>The chains, or a refusal when a list would read more of them than <see cref="ChainLimit"/>.</summary>
    private List<string> Capped(List<string> chainIds) =>
        chainIds.Count <= ChainLimit
            ? chainIds
            : throw new WorkflowException(
                $"This history query would read the history of more than {ChainLimit} process instances. "
                + "Narrow it with processInstanceId, or with processDefinitionId for one process version.", "InvalidRequestException");

    /// <summary>
    /// What <paramref name="select"/> makes of each chain's events (in seq order), the chains read
    /// <see cref="ChainsPerRead"/> at a time so only one slice's events are held at once.
    /// </summary>
    private async Task<List<T>> ReadAsync<T>(IReadOnlyList<string> chainIds, Func<IReadOnlyList<HistoryEventRow>, IEnumerable<T>> select, CancellationToken ct)
    {
        var items = new List<T>();
        foreach (var slice in chainIds.Chunk(ChainsPerRead))
        {
            var events = slice.Length == 1 ? await Events.OfChainAsync(slice[0], ct) : await Events.OfChainsAsync(slice, ct);
            foreach (var chain in events.GroupBy(e => e.ChainId, StringComparer.Ordinal))
                items.AddRange(select(chain.ToList()));
        }
        return items;
    }

    /// <summary>
    /// Keyset paging on the event that anchors each item (the task's creation, the node's start…): whether an item's
    /// cursor comes after <see cref="HistoryPage.After"/> in the list's direction.
    /// </summary>
    private static Func<HistoryCursor, bool> After(HistoryPage page, bool byTime, bool descending)
    {
        if (page.After is not { } after)
            return _ => true;
        if (!byTime)
            throw new ArgumentException("Keyset paging (After) needs a list sorted by time.", nameof(page));
        return descending ? c => c.CompareTo(after) < 0 : c => c.CompareTo(after) > 0;
    }

    private static HistoryCursor CursorOf(HistoryEventRow h) => new(h.Time, h.ChainId, h.Seq);

    /// <summary>An event's id in lists that name events: its chain and its seq there (events have no id of their own).</summary>
    private static string EventId(HistoryEventRow h) => string.Create(CultureInfo.InvariantCulture, $"{h.ChainId}:{h.Seq}");

    /// <summary>Whether a filter criterion holds: unset, or equal.</summary>
    private static bool Matches(string? value, string? wanted) => wanted is null || value == wanted;

    /// <summary>Whether the event belongs to an instance: it is on the instance's own chain, whose id is the instance id.</summary>
    private static bool OfItsInstance(HistoryEventRow h) => h.InstanceId is not null && h.InstanceId == h.ChainId;

    private static bool IsTaskEvent(HistoryEventRow h) =>
        h.TaskId is not null && h.Kind is HistoryEventKind.TaskCreated or HistoryEventKind.TaskUpdated or HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted;

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

    /// <summary>Text sorts ordinally, as the database sorted it before history was read in memory.</summary>
    private static IOrderedEnumerable<T> OrderText<T>(IEnumerable<T> items, Func<T, string?> key, bool descending) =>
        descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal);

    /// <summary>Items equal on the sort key keep the order their anchors were written in, in the list's direction.</summary>
    private static IOrderedEnumerable<T> ThenByPosition<T>(IOrderedEnumerable<T> items, Func<T, HistoryCursor> cursor, bool descending) =>
        descending ? items.ThenByDescending(cursor) : items.ThenBy(cursor);
}
