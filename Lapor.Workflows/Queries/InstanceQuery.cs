using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

/// <summary>
/// The host's way to read process instances: one by id, business keys, stored variables, and the running instances of a
/// process by version and waiting element with their incidents. Counting and paging happen in SQL.
/// </summary>
public sealed class InstanceQuery(DbContext db)
{
    public Task<InstanceSummary?> FindAsync(string instanceId, CancellationToken ct = default) =>
        db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new InstanceSummary
            {
                Id = i.Id, DefinitionId = i.DefinitionId, DefinitionKey = i.DefinitionKey, BusinessKey = i.BusinessKey, Status = i.Status,
                StartedAt = i.StartedAt, EndedAt = i.EndedAt, Suspended = i.Suspended,
            })
            .FirstOrDefaultAsync(ct);

    /// <summary>Instance id → business key (null when it has none) of those of <paramref name="instanceIds"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> BusinessKeysAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct = default)
    {
        var ids = instanceIds.ToList();
        return await db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.BusinessKey, ct);
    }

    /// <summary>The instance's current variables as stored (their serialized text), by name.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> StoredVariablesAsync(string instanceId, CancellationToken ct = default) =>
        await db.Set<VariableRow>().AsNoTracking().Where(v => v.InstanceId == instanceId).ToDictionaryAsync(v => v.Name, v => v.Value, ct);

    /// <summary>Running and suspended instances per version of <paramref name="processKey"/>; versions without any are left out.</summary>
    public async Task<IReadOnlyList<VersionLoad>> LoadPerVersionAsync(string processKey, CancellationToken ct = default) =>
        await Running(processKey).GroupBy(i => i.DefinitionId)
            .Select(g => new VersionLoad(g.Key, g.Count(), g.Count(i => i.Suspended))).ToListAsync(ct);

    /// <summary>How many running instances wait at each element, per version; optionally of one version only.</summary>
    public async Task<IReadOnlyList<WaitCount>> WaitCountsAsync(string processKey, string? definitionId = null, CancellationToken ct = default)
    {
        var running = Running(processKey);
        if (definitionId is not null)
            running = running.Where(i => i.DefinitionId == definitionId);
        var positions =
            from e in db.Set<ExecutionRow>().AsNoTracking()
            join i in running on e.InstanceId equals i.Id
            select new { i.DefinitionId, e.ActivityId, e.InstanceId };
        return await positions.GroupBy(p => new { p.DefinitionId, p.ActivityId })
            .Select(g => new WaitCount(g.Key.DefinitionId, g.Key.ActivityId, g.Select(p => p.InstanceId).Distinct().Count()))
            .ToListAsync(ct);
    }

    public Task<int> CountRunningAsync(RunningFilter filter, CancellationToken ct = default) => Running(filter).CountAsync(ct);

    /// <summary>A page of running instances, newest first, with where they wait and their incidents (three queries in all).</summary>
    public async Task<IReadOnlyList<RunningInstance>> RunningPageAsync(RunningFilter filter, int offset, int limit, CancellationToken ct = default)
    {
        var page = await Running(filter).OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip(Math.Max(0, offset)).Take(Math.Max(0, limit))
            .Select(i => new { i.Id, i.BusinessKey, i.DefinitionId, i.StartedAt, i.Suspended }).ToListAsync(ct);
        var ids = page.Select(i => i.Id).ToList();
        var waits = (await db.Set<ExecutionRow>().AsNoTracking().Where(e => ids.Contains(e.InstanceId))
            .Select(e => new { e.InstanceId, e.ActivityId }).ToListAsync(ct)).ToLookup(e => e.InstanceId, e => e.ActivityId);
        var incidents = (await db.Set<IncidentRow>().AsNoTracking().Where(x => ids.Contains(x.InstanceId))
            .Select(x => new { x.InstanceId, x.Id, x.ActivityId, x.Message }).ToListAsync(ct)).ToLookup(x => x.InstanceId);
        return page.Select(i => new RunningInstance
        {
            Id = i.Id, BusinessKey = i.BusinessKey, DefinitionId = i.DefinitionId, StartedAt = i.StartedAt, Suspended = i.Suspended,
            ActivityIds = waits[i.Id].Distinct().Order(StringComparer.Ordinal).ToList(),
            Incidents = incidents[i.Id].Select(x => new IncidentSummary(x.Id, x.ActivityId, x.Message)).ToList(),
        }).ToList();
    }

    /// <summary>Open incidents in all; synchronous for metric gauges, which are read in a synchronous callback.</summary>
    public long IncidentCount() => db.Set<IncidentRow>().AsNoTracking().LongCount();

    private IQueryable<ProcessInstanceRow> Running(string processKey) =>
        db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.DefinitionKey == processKey && i.Status == InstanceStatus.Active);

    private IQueryable<ProcessInstanceRow> Running(RunningFilter filter)
    {
        var running = Running(filter.ProcessKey);
        if (filter.DefinitionId is { } definitionId)
            running = running.Where(i => i.DefinitionId == definitionId);
        if (filter.ActivityId is { Length: > 0 } activityId)
            running = running.Where(i => db.Set<ExecutionRow>().Any(e => e.InstanceId == i.Id && e.ActivityId == activityId));
        return running;
    }
}
