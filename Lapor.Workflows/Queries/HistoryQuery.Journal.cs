using System.Linq.Expressions;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>
    /// One chain's rows in the order they were written, from after <paramref name="afterSeq"/> (keyset paging by seq),
    /// at most <paramref name="take"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> JournalAsync(string chainId, long afterSeq = 0, int? take = null, CancellationToken ct = default)
    {
        var query = Rows.Where(h => h.ChainId == chainId && h.Seq > afterSeq).OrderBy(h => h.Seq).Select(ToEntry);
        if (take is { } count)
            query = query.Take(count);
        return await query.ToListAsync(ct);
    }

    /// <summary>
    /// The newest <paramref name="take"/> rows of one instance of the given kinds, returned oldest first: a page that
    /// shows what happened to a case lately without reading its whole chain.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> LatestOfInstanceAsync(string instanceId, IReadOnlyCollection<HistoryEventKind> kinds, int take, CancellationToken ct = default)
    {
        var rows = await Rows.OfInstance(instanceId).Where(h => kinds.Contains(h.Kind))
            .OrderByDescending(h => h.Seq).Take(take).Select(ToEntry).ToListAsync(ct);
        rows.Reverse();
        return rows;
    }

    /// <summary>The journals of several chains at once (an export of many cases), each in seq order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> JournalsAsync(IReadOnlyCollection<string> chainIds, CancellationToken ct = default)
    {
        var rows = await Rows.Where(h => chainIds.Contains(h.ChainId)).OrderBy(h => h.ChainId).ThenBy(h => h.Seq).Select(ToEntry).ToListAsync(ct);
        return rows.GroupBy(r => r.ChainId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HistoryEntry>)g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Whether the engine knows the instance: it is running or finished, or only its history is left.</summary>
    public async Task<bool> InstanceExistsAsync(string instanceId, CancellationToken ct = default) =>
        await db.Set<ProcessInstanceRow>().AnyAsync(i => i.Id == instanceId, ct) || await Rows.AnyAsync(h => h.ChainId == instanceId, ct);

    /// <summary>Of <paramref name="instanceIds"/>, those whose history shows node <paramref name="activityId"/> entered.</summary>
    public async Task<IReadOnlySet<string>> EnteredAsync(IReadOnlyCollection<string> instanceIds, string activityId, CancellationToken ct = default)
    {
        var entered = await Rows.Where(h => instanceIds.Contains(h.ChainId) && instanceIds.Contains(h.InstanceId!)
                                            && h.Kind == HistoryEventKind.ActivityStarted && h.ActivityId == activityId)
            .Select(h => h.InstanceId!).Distinct().ToListAsync(ct);
        return entered.ToHashSet(StringComparer.Ordinal);
    }

    public Task<bool> HasEnteredAsync(string instanceId, string activityId, CancellationToken ct = default) =>
        Rows.OfInstance(instanceId).AnyAsync(h => h.Kind == HistoryEventKind.ActivityStarted && h.ActivityId == activityId, ct);

    /// <summary>The definition version with its XML; null when it is not deployed here.</summary>
    public Task<HistoricDiagram?> DiagramAsync(string definitionId, CancellationToken ct = default) =>
        db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Id == definitionId)
            .Select(d => new HistoricDiagram { Id = d.Id, Key = d.Key, Version = d.Version, Xml = d.Xml }).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OpenIncident>> OpenIncidentsAsync(string instanceId, CancellationToken ct = default) =>
        await db.Set<IncidentRow>().AsNoTracking().Where(i => i.InstanceId == instanceId)
            .Select(i => new OpenIncident { ActivityId = i.ActivityId, ActivityInstanceId = i.ActivityInstanceId, Message = i.Message }).ToListAsync(ct);

    /// <summary>
    /// Chain ids after <paramref name="after"/> (exclusive) in ordinal order, at most <paramref name="take"/>: a chain
    /// whose head row was deleted still has events, and one whose events were all deleted still has a head, so both count.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChainIdsAsync(string? after, int take, CancellationToken ct = default)
    {
        var ids = ChainIds();
        if (!string.IsNullOrEmpty(after))
            ids = ids.Where(id => string.Compare(id, after) > 0);
        return await ids.OrderBy(id => id).Take(take).ToListAsync(ct);
    }

    public Task<int> CountChainsAsync(CancellationToken ct = default) => ChainIds().CountAsync(ct);

    private IQueryable<string> ChainIds() =>
        db.Set<HistoryChainRow>().Select(c => c.ChainId).Union(db.Set<HistoryEventRow>().Select(r => r.ChainId));

    private static readonly Expression<Func<HistoryEventRow, HistoryEntry>> ToEntry = h => new HistoryEntry
    {
        Id = h.Id, ChainId = h.ChainId, Seq = h.Seq, Kind = h.Kind, Time = h.Time, Actor = h.Actor, InstanceId = h.InstanceId,
        DefinitionId = h.DefinitionId, ActivityId = h.ActivityId, ActivityType = h.ActivityType, ActivityName = h.ActivityName,
        ActivityInstanceId = h.ActivityInstanceId, ParentActivityInstanceId = h.ParentActivityInstanceId, ExecutionId = h.ExecutionId,
        TaskId = h.TaskId, Name = h.Name, ValueType = h.ValueType, Value = h.Value, Detail = h.Detail, Hash = h.Hash,
    };
}
