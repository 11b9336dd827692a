using System.Globalization;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>Each variable's latest value per instance: the VariableSet row no later row of the same variable follows.</summary>
    public async Task<IReadOnlyList<HistoricVariable>> VariablesAsync(
        HistoricVariableFilter filter, HistoricVariableSort sort = HistoricVariableSort.VariableName, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        if (page?.After is not null)
            throw new ArgumentException("Variables are paged by position only.", nameof(page));
        var set = VariableRows(filter);
        var latest = set.Where(v => !set.Any(p => p.ChainId == v.ChainId && p.InstanceId == v.InstanceId && p.Name == v.Name && p.Id > v.Id));
        var lines = latest.Select(v => new
        {
            v.Id, Name = v.Name!, InstanceId = v.InstanceId!, v.DefinitionId, v.ExecutionId, v.TaskId, v.ValueType, v.Value,
            FirstId = set.Where(p => p.ChainId == v.ChainId && p.InstanceId == v.InstanceId && p.Name == v.Name).Min(p => p.Id),
            FirstTime = set.Where(p => p.ChainId == v.ChainId && p.InstanceId == v.InstanceId && p.Name == v.Name).OrderBy(p => p.Id).Select(p => p.Time).First(),
        });
        var ordered = sort == HistoricVariableSort.InstanceId
            ? Order(lines, v => v.InstanceId, descending).ThenBy(v => v.Name)
            : Order(lines, v => v.Name, descending).ThenBy(v => v.InstanceId);
        var rows = await Paged(ordered.ThenBy(v => v.Id), page).ToListAsync(ct);
        return rows.Select(v => new HistoricVariable
        {
            Id = v.FirstId.ToString(CultureInfo.InvariantCulture), Name = v.Name, Type = v.ValueType ?? "Null", StoredValue = v.Value,
            DefinitionId = v.DefinitionId, InstanceId = v.InstanceId, ExecutionId = v.ExecutionId, TaskId = v.TaskId, CreateTime = v.FirstTime,
        }).ToList();
    }

    /// <summary>
    /// Every time a variable was set, in the order it happened (row order); the revision counts the earlier sets of the
    /// same variable. Keyset paging (<see cref="HistoryPage.After"/>) goes by the row id alone.
    /// </summary>
    public async Task<IReadOnlyList<HistoricVariableUpdate>> VariableUpdatesAsync(
        HistoricVariableFilter filter, bool descending = false, HistoryPage? page = null, CancellationToken ct = default)
    {
        var set = VariableRows(filter);
        var rows = set;
        if (page?.After is { Id: var afterId })
            rows = descending ? rows.Where(v => v.Id < afterId) : rows.Where(v => v.Id > afterId);
        var lines = rows.Select(v => new
        {
            v.Id, Name = v.Name!, InstanceId = v.InstanceId!, v.DefinitionId, v.ActivityInstanceId, v.ExecutionId, v.TaskId, v.ValueType, v.Value, v.Time,
            FirstId = set.Where(p => p.ChainId == v.ChainId && p.InstanceId == v.InstanceId && p.Name == v.Name).Min(p => p.Id),
            Revision = set.Count(p => p.ChainId == v.ChainId && p.InstanceId == v.InstanceId && p.Name == v.Name && p.Id < v.Id),
        });
        var ordered = Order(lines, v => v.Id, descending);
        return (await Paged(ordered, page).ToListAsync(ct)).Select(v => new HistoricVariableUpdate
        {
            Id = v.Id.ToString(CultureInfo.InvariantCulture), Name = v.Name, Type = v.ValueType ?? "Null", StoredValue = v.Value,
            DefinitionId = v.DefinitionId, InstanceId = v.InstanceId, ActivityInstanceId = v.ActivityInstanceId, ExecutionId = v.ExecutionId,
            TaskId = v.TaskId, Time = v.Time, VariableInstanceId = v.FirstId.ToString(CultureInfo.InvariantCulture), Revision = v.Revision,
            Cursor = new HistoryCursor(v.Time, v.Id),
        }).ToList();
    }

    private IQueryable<HistoryEventRow> VariableRows(HistoricVariableFilter filter)
    {
        var query = Rows.Where(h => h.Kind == HistoryEventKind.VariableSet && h.InstanceId != null && h.Name != null);
        if (filter.InstanceId is { } instanceId)
            query = query.OfInstance(instanceId);
        if (filter.DefinitionId is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (filter.VariableName is { } name)
            query = query.Where(h => h.Name == name);
        if (filter.TaskId is { } taskId)
            query = query.Where(h => h.TaskId == taskId);
        return query;
    }
}
