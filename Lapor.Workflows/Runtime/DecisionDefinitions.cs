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

    public async Task<IReadOnlyList<DecisionDefinitionRow>> VersionsAsync(string key, CancellationToken ct = default) =>
        await db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).ToListAsync(ct);

    /// <summary>
    /// The version a business rule task names, without its DMN file: the parsed table is cached per version, so a task
    /// that runs on every submission reads a few columns and not the whole file each time. Throws
    /// <see cref="WorkflowNotFoundException"/> saying what was looked for.
    /// </summary>
    public async Task<DecisionVersion> ResolveAsync(string key, DecisionBinding binding, int? version, string processDefinitionId, CancellationToken ct)
    {
        var rows = db.Set<DecisionDefinitionRow>().AsNoTracking();
        var found = binding switch
        {
            DecisionBinding.Version => await rows.Where(d => d.Key == key && d.Version == (version ?? 0))
                .Select(d => new DecisionVersion(d.Id, d.Key, d.Version)).FirstOrDefaultAsync(ct),
            DecisionBinding.Deployment => await (
                    from d in rows
                    join p in db.Set<ProcessDefinitionRow>().AsNoTracking() on d.DeploymentId equals p.DeploymentId
                    where d.Key == key && p.Id == processDefinitionId
                    select new DecisionVersion(d.Id, d.Key, d.Version))
                .FirstOrDefaultAsync(ct),
            _ => await rows.Where(d => d.Key == key).OrderByDescending(d => d.Version)
                .Select(d => new DecisionVersion(d.Id, d.Key, d.Version)).FirstOrDefaultAsync(ct),
        };
        return found ?? throw new WorkflowNotFoundException(binding switch
        {
            DecisionBinding.Version => $"Decision '{key}' has no version {version}.",
            DecisionBinding.Deployment => $"Decision '{key}' was not deployed together with process definition '{processDefinitionId}'.",
            _ => $"No decision with key '{key}' has been deployed.",
        });
    }

    /// <summary>Evaluates a resolved version; its file is read and parsed only the first time this process meets it.</summary>
    public async Task<DecisionEvaluation> EvaluateAsync(DecisionVersion version, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        if (!cache.TryGet(version.Id, out var table))
            table = cache.Get(await db.Set<DecisionDefinitionRow>().AsNoTracking().FirstAsync(d => d.Id == version.Id, ct));
        return DecisionEvaluator.Evaluate(table, variables);
    }

    public DecisionTable TableOf(DecisionDefinitionRow row) => cache.Get(row);

    public DecisionEvaluation Evaluate(DecisionDefinitionRow row, IReadOnlyDictionary<string, object?> variables) =>
        DecisionEvaluator.Evaluate(cache.Get(row), variables);
}
