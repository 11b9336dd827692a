using Lapor.Workflows.History;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>Each variable's latest value per instance: of its VariableSet events that pass the filter, the last one.</summary>
    public async Task<IReadOnlyList<HistoricVariable>> VariablesAsync(
        HistoricVariableFilter filter, HistoricVariableSort sort = HistoricVariableSort.VariableName, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        if (page?.After is not null)
            throw new ArgumentException("Variables are paged by position only.", nameof(page));
        var chains = await ChainsAsync(filter.InstanceId, filter.TaskId, filter.DefinitionId, null, ct);
        var variables = await ReadAsync(chains, events => VariableSets(events, filter).Select(sets =>
        {
            var (first, latest) = (sets[0], sets[^1]);
            return new HistoricVariable
            {
                Id = EventId(first), Name = latest.Name!, Type = latest.ValueType ?? "Null", StoredValue = latest.Value,
                DefinitionId = latest.DefinitionId, InstanceId = latest.InstanceId!, ExecutionId = latest.ExecutionId, TaskId = latest.TaskId,
                CreateTime = first.Time,
            };
        }), ct);
        // Name and instance together are unique, so the order is total.
        var ordered = sort == HistoricVariableSort.InstanceId
            ? OrderText(variables, v => v.InstanceId, descending).ThenBy(v => v.Name, StringComparer.Ordinal)
            : OrderText(variables, v => v.Name, descending).ThenBy(v => v.InstanceId, StringComparer.Ordinal);
        return Paged(ordered, page ?? HistoryPage.All).ToList();
    }

    /// <summary>
    /// Every time a variable was set, in the order it happened; the revision counts the earlier sets of the same
    /// variable. Keyset paging (<see cref="HistoryPage.After"/>) goes by the update's position.
    /// </summary>
    public async Task<IReadOnlyList<HistoricVariableUpdate>> VariableUpdatesAsync(
        HistoricVariableFilter filter, bool descending = false, HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var after = After(page, byTime: true, descending);
        var chains = await ChainsAsync(filter.InstanceId, filter.TaskId, filter.DefinitionId, null, ct);
        var updates = await ReadAsync(chains, events => VariableSets(events, filter).SelectMany(sets => sets.Select((v, revision) => new HistoricVariableUpdate
        {
            Id = EventId(v), Name = v.Name!, Type = v.ValueType ?? "Null", StoredValue = v.Value, DefinitionId = v.DefinitionId,
            InstanceId = v.InstanceId!, ActivityInstanceId = v.ActivityInstanceId, ExecutionId = v.ExecutionId, TaskId = v.TaskId, Time = v.Time,
            VariableInstanceId = EventId(sets[0]), Revision = revision, Cursor = CursorOf(v),
        })).Where(u => after(u.Cursor)), ct);
        return Paged(Order(updates, u => u.Cursor, descending), page).ToList();
    }

    /// <summary>One chain's VariableSet events that pass the filter, per variable in seq order.</summary>
    private static IEnumerable<List<HistoryEventRow>> VariableSets(IReadOnlyList<HistoryEventRow> chain, HistoricVariableFilter filter) =>
        chain.Where(h => h is { Kind: HistoryEventKind.VariableSet, Name: not null } && OfItsInstance(h)
                         && Matches(h.DefinitionId, filter.DefinitionId) && Matches(h.Name, filter.VariableName) && Matches(h.TaskId, filter.TaskId))
            .GroupBy(h => h.Name!, StringComparer.Ordinal)
            .Select(g => g.ToList());
}
