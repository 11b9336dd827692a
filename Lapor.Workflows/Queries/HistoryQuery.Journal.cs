using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>
    /// One chain's events in the order they were written, from after <paramref name="afterSeq"/> (keyset paging by seq),
    /// at most <paramref name="take"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> JournalAsync(string chainId, long afterSeq = 0, int? take = null, CancellationToken ct = default)
    {
        var entries = (await Events.OfChainAsync(chainId, ct)).Where(h => h.Seq > afterSeq).Select(ToEntry);
        return (take is { } count ? entries.Take(count) : entries).ToList();
    }

    /// <summary>
    /// The newest <paramref name="take"/> events of one instance of the given kinds, returned oldest first: a page that
    /// shows what happened to a case lately.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> LatestOfInstanceAsync(string instanceId, IReadOnlyCollection<HistoryEventKind> kinds, int take, CancellationToken ct = default) =>
        (await Events.OfChainAsync(instanceId, ct)).Where(h => h.InstanceId == instanceId && kinds.Contains(h.Kind)).TakeLast(take).Select(ToEntry).ToList();

    /// <summary>The journals of several chains at once (an export of many cases), each in seq order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> JournalsAsync(IReadOnlyCollection<string> chainIds, CancellationToken ct = default) =>
        (await Events.OfChainsAsync(chainIds, ct)).GroupBy(h => h.ChainId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HistoryEntry>)g.Select(ToEntry).ToList(), StringComparer.Ordinal);

    /// <summary>Whether the engine knows the instance: it is running or finished, or only its history is left.</summary>
    public async Task<bool> InstanceExistsAsync(string instanceId, CancellationToken ct = default) =>
        await db.Set<ProcessInstanceRow>().AnyAsync(i => i.Id == instanceId, ct) || (await Events.OfChainAsync(instanceId, ct)).Count > 0;

    /// <summary>Of <paramref name="instanceIds"/>, those whose history shows node <paramref name="activityId"/> entered.</summary>
    public async Task<IReadOnlySet<string>> EnteredAsync(IReadOnlyCollection<string> instanceIds, string activityId, CancellationToken ct = default)
    {
        var entered = await ReadAsync(instanceIds.Distinct(StringComparer.Ordinal).ToList(),
            events => events.Where(h => Entered(h, activityId)).Select(h => h.ChainId).Take(1), ct);
        return entered.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> HasEnteredAsync(string instanceId, string activityId, CancellationToken ct = default) =>
        (await Events.OfChainAsync(instanceId, ct)).Any(h => Entered(h, activityId));

    private static bool Entered(HistoryEventRow h, string activityId) =>
        h.Kind == HistoryEventKind.ActivityStarted && h.ActivityId == activityId && OfItsInstance(h);

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
    public async Task<IReadOnlyList<string>> ChainIdsAsync(string? after, int take, CancellationToken ct = default) =>
        (await Events.ChainIdsAsync(ct)).Where(id => string.IsNullOrEmpty(after) || string.CompareOrdinal(id, after) > 0).Take(take).ToList();

    public async Task<int> CountChainsAsync(CancellationToken ct = default) => (await Events.ChainIdsAsync(ct)).Count;

    private static HistoryEntry ToEntry(HistoryEventRow h) => new()
    {
        ChainId = h.ChainId, Seq = h.Seq, Kind = h.Kind, Time = h.Time, Actor = h.Actor, InstanceId = h.InstanceId,
        DefinitionId = h.DefinitionId, ActivityId = h.ActivityId, ActivityType = h.ActivityType, ActivityName = h.ActivityName,
        ActivityInstanceId = h.ActivityInstanceId, ParentActivityInstanceId = h.ParentActivityInstanceId, ExecutionId = h.ExecutionId,
        TaskId = h.TaskId, Name = h.Name, ValueType = h.ValueType, Value = h.Value, Detail = h.Detail, Hash = h.Hash,
    };
}
