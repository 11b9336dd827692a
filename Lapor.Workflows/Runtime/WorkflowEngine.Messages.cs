using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Message correlation: to waiting executions first, else to a message start event.</summary>
public sealed partial class WorkflowEngine
{
    public async Task<IReadOnlyList<CorrelationResult>> CorrelateAsync(MessageCorrelation message, string? actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(message.MessageName))
            throw new WorkflowException("messageName is required.", "InvalidRequestException");

        var matched = await FindSubscriptionsAsync(message, ct);
        var waiting = await WithoutSuspendedAsync(matched, ct);
        if (waiting.Count == 0 && matched.Count > 0)
            throw new WorkflowConflictException(
                $"Cannot correlate message '{message.MessageName}': the process instance waiting for it is suspended. Resume it first.", SuspendedType);
        if (waiting.Count == 0)
        {
            if (message.ProcessInstanceId is null && await FindMessageStartAsync(message.MessageName, ct) is { } start)
            {
                var instance = await StartAsync(new StartRequest(null, message.BusinessKey, message.Variables) { DefinitionId = start.DefinitionId, StartEventId = start.EventId }, actor, ct);
                return [new CorrelationResult(CorrelationResultType.ProcessDefinition, instance.Id, null, start.EventId)];
            }
            throw new WorkflowException($"Cannot correlate message '{message.MessageName}': no process definition or execution matches the parameters.", "MismatchingMessageCorrelationException");
        }
        if (!message.All && waiting.Count > 1)
            throw new WorkflowException($"Cannot correlate message '{message.MessageName}': {waiting.Count} executions match; narrow it with businessKey, processInstanceId or correlationKeys, or set all=true.", "MismatchingMessageCorrelationException");

        return await InTransactionAsync(async scopes =>
        {
            var results = new List<CorrelationResult>();
            foreach (var group in waiting.GroupBy(s => s.InstanceId))
            {
                var scope = await CommandScope.LoadAsync(db, group.Key, ContextFor, definitions, actor, ct);
                scopes.Add(scope);
                EnsureNotSuspended(scope, $"correlate message '{message.MessageName}'");
                foreach (var sub in group)
                {
                    scope.Interpreter.Apply(new Trigger.DeliverMessage(sub.ExecutionId, sub.ActivityId, sub.ActivityInstanceId, message.Variables ?? new Dictionary<string, TypedValue>()));
                    if (!scope.Interpreter.WasStale)
                        results.Add(new CorrelationResult(CorrelationResultType.Execution, sub.InstanceId, sub.ExecutionId, sub.ActivityId));
                }
                scope.LogOperation("CorrelateMessage", null, new { messageName = message.MessageName });
                await FlushAsync(scope, ct);
            }
            if (results.Count == 0)
                throw new WorkflowConflictException($"Message '{message.MessageName}' arrived after the waiting executions moved on; nothing was changed.");
            return results;
        }, ct);
    }

    private async Task<List<MessageSubscriptionRow>> FindSubscriptionsAsync(MessageCorrelation message, CancellationToken ct)
    {
        var query =
            from s in db.Set<MessageSubscriptionRow>().AsNoTracking()
            join i in db.Set<ProcessInstanceRow>().AsNoTracking() on s.InstanceId equals i.Id
            where s.MessageName == message.MessageName
            select new { Sub = s, i.BusinessKey };
        if (message.ProcessInstanceId is { } instanceId)
            query = query.Where(x => x.Sub.InstanceId == instanceId);
        if (message.BusinessKey is { } businessKey)
            query = query.Where(x => x.BusinessKey == businessKey);
        var subs = await query.Select(x => x.Sub).ToListAsync(ct);
        if (message.CorrelationKeys is not { Count: > 0 } keys || subs.Count == 0)
            return subs;

        var instanceIds = subs.Select(s => s.InstanceId).Distinct().ToList();
        var names = keys.Keys.ToList();
        var values = await db.Set<VariableRow>().AsNoTracking()
            .Where(v => instanceIds.Contains(v.InstanceId) && names.Contains(v.Name)).ToListAsync(ct);
        var matching = instanceIds.Where(id => keys.All(k =>
            values.Any(v => v.InstanceId == id && v.Name == k.Key && v.Value == k.Value.Serialize()))).ToHashSet();
        return subs.Where(s => matching.Contains(s.InstanceId)).ToList();
    }

    /// <summary>Subscriptions of suspended instances do not take messages (as in Camunda, they are not correlated).</summary>
    private async Task<List<MessageSubscriptionRow>> WithoutSuspendedAsync(List<MessageSubscriptionRow> subs, CancellationToken ct)
    {
        if (subs.Count == 0)
            return subs;
        var ids = subs.Select(s => s.InstanceId).Distinct().ToList();
        var suspended = await db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.Suspended).Select(i => i.Id).ToListAsync(ct);
        return suspended.Count == 0 ? subs : subs.Where(s => !suspended.Contains(s.InstanceId)).ToList();
    }

    private async Task<(string DefinitionId, string EventId)?> FindMessageStartAsync(string messageName, CancellationToken ct)
    {
        var latest = await db.Set<ProcessDefinitionRow>().AsNoTracking()
            .GroupBy(d => d.Key).Select(g => g.OrderByDescending(d => d.Version).Select(d => d.Id).First()).ToListAsync(ct);
        foreach (var id in latest)
        {
            var model = await definitions.GetAsync(db, id, ct);
            if (model.MessageStarts().FirstOrDefault(s => s.MessageName == messageName) is { } start)
                return (id, start.Id);
        }
        return null;
    }
}
