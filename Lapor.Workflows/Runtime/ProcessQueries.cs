using Lapor.Workflows.Definitions;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Read-only questions about definitions and instances that need the parsed model, such as "which
/// <c>camunda:properties</c> do the elements carry" and "where does this instance wait, and what stage is that".
/// </summary>
public sealed class ProcessQueries(DbContext db, DefinitionCache definitions)
{
    public Task<ProcessModel> ModelAsync(string definitionId, CancellationToken ct = default) =>
        definitions.GetAsync(db, definitionId, ct);

    /// <summary>Every element that has properties, with them; optionally only elements carrying <paramref name="name"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ElementPropertiesAsync(
        string definitionId, string? name = null, CancellationToken ct = default)
    {
        var model = await ModelAsync(definitionId, ct);
        return model.Nodes.Values
            .Where(n => n.Properties.Count > 0 && (name is null || n.Properties.ContainsKey(name)))
            .ToDictionary(n => n.Id, n => n.Properties);
    }

    /// <summary>Where the instance's tokens wait, innermost scopes last; empty when the instance has ended.</summary>
    public async Task<IReadOnlyList<ActivePosition>> PositionsAsync(string instanceId, CancellationToken ct = default)
    {
        var instance = await db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.Id == instanceId)
                           .Select(i => new { i.DefinitionId }).FirstOrDefaultAsync(ct)
                       ?? throw new Errors.WorkflowNotFoundException($"Process instance '{instanceId}' does not exist.");
        var model = await ModelAsync(instance.DefinitionId, ct);
        var executions = await db.Set<ExecutionRow>().AsNoTracking().Where(e => e.InstanceId == instanceId).ToListAsync(ct);
        return executions
            .OrderBy(e => e.ScopeExecutionId is null ? 0 : 1)
            .Select(e =>
            {
                var node = model.Node(e.ActivityId);
                return new ActivePosition(e.Id, node.Id, node.Name, node.BpmnType, e.State, e.ScopeExecutionId, node.Properties);
            })
            .ToList();
    }

    /// <summary>The element's properties, e.g. of the end event an instance finished at (found in its history).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PropertiesOfAsync(string definitionId, string elementId, CancellationToken ct = default) =>
        (await ModelAsync(definitionId, ct)).Nodes.TryGetValue(elementId, out var node) ? node.Properties : FlowNode.EmptyProperties;
}
