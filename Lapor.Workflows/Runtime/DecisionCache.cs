using System.Collections.Concurrent;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Parsed decision tables by decision definition id. A deployed version never changes, so entries never go stale.</summary>
public sealed class DecisionCache
{
    private readonly ConcurrentDictionary<string, DecisionTable> _tables = new();

    internal DecisionTable Get(DecisionDefinitionRow row) =>
        _tables.GetOrAdd(row.Id, _ => DmnParser.Parse(row.ResourceName, row.Xml).FirstOrDefault(t => t.Key == row.Key)
                                      ?? throw new WorkflowException($"Decision definition '{row.Id}' no longer contains decision '{row.Key}'."));

    internal bool TryGet(string definitionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DecisionTable? table) =>
        _tables.TryGetValue(definitionId, out table);

    internal void Add(string definitionId, DecisionTable table) => _tables.TryAdd(definitionId, table);
}
