using System.Text.Json;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Runtime;

/// <summary>Business rule tasks: evaluate the decision, keep what it saw and chose in the instance's history, set the result.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// A failure (no such decision, two rules hit a UNIQUE table) propagates to the caller's catch, which treats it as a
    /// failed attempt: retried per the task's retry cycle, then an incident, like any service task.
    /// </summary>
    private async Task EvaluateDecisionAsync(CommandScope scope, Effect.ServiceInvocationRequested invocation, DecisionReference decision, CancellationToken ct)
    {
        var found = new DecisionDefinitions(db, services.GetRequiredService<DecisionCache>());
        var row = await found.ResolveAsync(decision.Key, decision.Binding, decision.Version, scope.Instance.DefinitionId, ct);
        var evaluation = await found.EvaluateAsync(row, scope.State.Values, ct);
        var result = DecisionResultMapping.Map(decision.MapDecisionResult, evaluation);
        var node = invocation.Node;
        scope.Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.DecisionEvaluated, ActivityId = node.Id, ActivityType = node.BpmnType, ActivityName = node.Name,
            ActivityInstanceId = invocation.ActivityInstanceId, ExecutionId = invocation.TokenId,
            Name = row.Key, Value = row.Id, ValueType = row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail = JsonSerializer.Serialize(DecisionHistory.Of(row.Key, row.Version, row.Id, evaluation, decision.ResultVariable, result)),
        });
        var variables = decision.ResultVariable is { } name
            ? new Dictionary<string, TypedValue> { [name] = result }
            : new Dictionary<string, TypedValue>();
        scope.Interpreter.Apply(new Trigger.ServiceSucceeded(invocation.TokenId, invocation.ActivityInstanceId, variables));
    }
}
