using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Runtime;

/// <summary>Moving running instances to another version of their process: the dry run and the move of one instance.</summary>
public sealed partial class WorkflowEngine
{
    public const string MigrateOperation = "Migrate";

    /// <summary>The default instructions between two versions (same id, same kind), for a plan to start from.</summary>
    public async Task<IReadOnlyList<MigrationInstruction>> DefaultMigrationInstructionsAsync(string sourceDefinitionId, string targetDefinitionId, CancellationToken ct = default)
    {
        var (source, target) = await MigrationModelsAsync(sourceDefinitionId, targetDefinitionId, ct);
        return MigrationPlanner.DefaultInstructions(source, target);
    }

    /// <summary>Checks the plan and every running instance of the source version; changes nothing.</summary>
    public async Task<MigrationReport> DryRunMigrationAsync(MigrationPlan plan, CancellationToken ct = default)
    {
        var (source, target) = await MigrationModelsAsync(plan.SourceDefinitionId, plan.TargetDefinitionId, ct);
        var instances = await db.Set<ProcessInstanceRow>().AsNoTracking()
            .Where(i => i.DefinitionId == plan.SourceDefinitionId && i.Status == InstanceStatus.Active)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var executions = (await db.Set<ExecutionRow>().AsNoTracking().Where(e => ids.Contains(e.InstanceId)).ToListAsync(ct))
            .ToLookup(e => e.InstanceId);
        var checks = instances.Select(i => MigrationPlanner.Check(plan, source, target, new MigrationCandidate(
            i.Id, i.BusinessKey, i.DefinitionId, i.Status, i.Suspended,
            executions[i.Id].Select(e => new MigrationCandidate.Position(e.Id, e.ActivityId, e.ScopeExecutionId)).ToList()))).ToList();
        return new MigrationReport(MigrationPlanner.CheckPlan(plan, source, target), checks);
    }

    /// <summary>
    /// Moves one instance to the plan's target version in one transaction: tokens, tasks (same id and assignee; name,
    /// priority, form and candidates from the target), incidents, timers and subscriptions (kept when their event is
    /// unchanged, else created from the target as of the time the token reached the element), the instance's
    /// definition, and a <c>Migrate</c> row in the user-operation log. Refused with every reason when it cannot move.
    /// </summary>
    public async Task MigrateAsync(MigrationPlan plan, string instanceId, string? actor, string? batchId = null, CancellationToken ct = default)
    {
        var (source, target) = await MigrationModelsAsync(plan.SourceDefinitionId, plan.TargetDefinitionId, ct);
        if (MigrationPlanner.CheckPlan(plan, source, target) is { Count: > 0 } planProblems)
            throw new WorkflowException("The migration plan is not valid: " + string.Join("; ", planProblems) + ".", "MigrationPlanValidationException");
        var targetRow = await db.Set<ProcessDefinitionRow>().AsNoTracking().FirstAsync(d => d.Id == plan.TargetDefinitionId, ct);
        await InTransactionAsync(async scopes =>
        {
            var scope = await CommandScope.LoadAsync(db, instanceId, ContextFor, definitions, actor, ct);
            scopes.Add(scope);
            var check = MigrationPlanner.Check(plan, source, target, new MigrationCandidate(
                scope.Instance.Id, scope.Instance.BusinessKey, scope.Instance.DefinitionId, scope.Instance.Status, scope.Instance.Suspended,
                scope.State.Tokens.Select(t => new MigrationCandidate.Position(t.Id, t.ActivityId, t.ScopeTokenId)).ToList()));
            if (!check.CanMove)
                throw new MigrationRefusedException($"Process instance '{instanceId}' cannot be migrated: {string.Join("; ", check.Problems)}.", check.Reasons);
            await scope.MigrateAsync(plan, target, targetRow, at => ContextFor(target) with { Now = at }, batchId, ct);
            scope.SyncExecutions();
            await NotifyMigratedAsync(scope, target, ct);
            return true;
        }, ct);
    }

    private async Task<(ProcessModel Source, ProcessModel Target)> MigrationModelsAsync(string sourceId, string targetId, CancellationToken ct)
    {
        var known = await db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Id == sourceId || d.Id == targetId).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in new[] { sourceId, targetId }.Where(id => !known.Contains(id)))
            throw new WorkflowNotFoundException($"No process definition with id '{id}'.");
        return (await definitions.GetAsync(db, sourceId, ct), await definitions.GetAsync(db, targetId, ct));
    }

    /// <summary>
    /// Listeners hear where the instance now waits in the target version (the host's report may change stage): every
    /// wait counts as entered, since it is a wait of another version.
    /// </summary>
    private async Task NotifyMigratedAsync(CommandScope scope, ProcessModel target, CancellationToken ct)
    {
        var waiting = scope.State.Tokens.OrderBy(t => t.ScopeTokenId is null ? 0 : 1).Select(t => target.Node(t.ActivityId)).ToList();
        var change = new InstanceChange(scope.Instance.Id, scope.Instance.BusinessKey, scope.Instance.DefinitionKey, scope.State.Status,
            waiting, [], scope.State.Values, scope.Actor, scope.Context.Now) { Entered = waiting };
        foreach (var listener in services.GetServices<IInstanceListener>())
            await listener.OnChangedAsync(change, ct);
    }
}
