using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Finds deployed decision versions and evaluates them; reads only.</summary>
internal sealed class DecisionDefinitions(DbContext db, DecisionCache cache)
{
    public Task<DecisionDefinitionRow?> LatestAsync(string key, CancellationToken ct = default) =>
        db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    public Task<DecisionDefinitionRow?> FindAsync(string id, CancellationToken ct = default) =>
        db.Set<DecisionDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public Task<DecisionDefinitionRow?> VersionAsync(string key, int version, CancellationToken ct = default) =>
        db.Set<DecisionDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, ct);

    public async Task<IReadOnlyList<DecisionDefinitionRow>> VersionsAsync(string key, CancellationToken ct = default) =>
        await db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).ToListAsync(ct);

    /// <summary>The version a business rule task names; throws <see cref="WorkflowNotFoundException"/> saying what was looked for.</summary>
    public async Task<DecisionDefinitionRow> ResolveAsync(string key, DecisionBinding binding, int? version, string processDefinitionId, CancellationToken ct)
    {
        var row = binding switch
        {
            DecisionBinding.Version => await VersionAsync(key, version ?? 0, ct),
            DecisionBinding.Deployment => await (
                    from d in db.Set<DecisionDefinitionRow>().AsNoTracking()
                    join p in db.Set<ProcessDefinitionRow>().AsNoTracking() on d.DeploymentId equals p.DeploymentId
                    where d.Key == key && p.Id == processDefinitionId
                    select d)
                .FirstOrDefaultAsync(ct),
            _ => await LatestAsync(key, ct),
        };
        return row ?? throw new WorkflowNotFoundException(binding switch
        {
            DecisionBinding.Version => $"Decision '{key}' has no version {version}.",
            DecisionBinding.Deployment => $"Decision '{key}' was not deployed together with process definition '{processDefinitionId}'.",
            _ => $"No decision with key '{key}' has been deployed.",
        });
    }

    public DecisionTable TableOf(DecisionDefinitionRow row) => cache.Get(row);

    public DecisionEvaluation Evaluate(DecisionDefinitionRow row, IReadOnlyDictionary<string, object?> variables) =>
        DecisionEvaluator.Evaluate(cache.Get(row), variables);
}
