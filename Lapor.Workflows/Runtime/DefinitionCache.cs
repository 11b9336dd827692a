using System.Collections.Concurrent;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Parsed models by definition id. A deployed version never changes, so entries never go stale.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, ProcessModel> _models = new();

    public async Task<ProcessModel> GetAsync(DbContext db, string definitionId, CancellationToken ct)
    {
        if (_models.TryGetValue(definitionId, out var cached))
            return cached;
        var row = await db.Set<ProcessDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct)
                  ?? throw new WorkflowNotFoundException($"Process definition '{definitionId}' does not exist.");
        var model = BpmnParser.Parse(row.ResourceName, row.Xml).FirstOrDefault(m => m.Key == row.Key)
                    ?? throw new WorkflowException($"Process definition '{definitionId}' no longer contains process '{row.Key}'.");
        return _models.GetOrAdd(definitionId, model);
    }

    internal void Add(string definitionId, ProcessModel model) => _models.TryAdd(definitionId, model);
}
