using System.Runtime.CompilerServices;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.History;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Scheduling;
using Lapor.Workflows.ServiceTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Lapor.Workflows.Queries;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The engine's commands. Each loads the instance it concerns, lets the interpreter move it, and stores runtime
/// rows, history and new jobs in ONE transaction (or in the caller's, when one is open), so a crash leaves either
/// the state before or the state after. Jobs are handed to the scheduler only after the transaction holding their rows
/// commits (the caller's, when the command joined one).
/// </summary>
public sealed partial class WorkflowEngine(
    DbContext db,
    DefinitionCache definitions,
    ExpressionEvaluator expressions,
    BusinessCalendar calendar,
    TimeProvider clock,
    IJobScheduler scheduler,
    ServiceTaskRegistry handlers,
    IServiceProvider services,
    WorkflowMetrics metrics,
    ILogger<WorkflowEngine> log)
{
    internal DbContext Db => db;

    public async Task<InstanceSummary> StartAsync(StartRequest request, string? actor, CancellationToken ct = default)
    {
        return await InTransactionAsync(async scopes =>
        {
            var definition = await ResolveDefinitionAsync(request, ct);
            var model = await definitions.GetAsync(db, definition.Id, ct);
            var startId = request.StartEventId ?? model.NoneStart(null)?.Id
                          ?? throw new WorkflowException($"Process '{model.Key}' has no none start event; start it with a message.");
            var context = ContextFor(model);
            var instance = new ProcessInstanceRow
            {
                Id = context.NewId(), DefinitionId = definition.Id, DefinitionKey = definition.Key, BusinessKey = request.BusinessKey,
                Category = request.Category,
                Status = InstanceStatus.Active, StartedAt = WorkflowClock.Utc(context.Now), StartedBy = actor, StartActivityId = startId,
            };
            var scope = CommandScope.Create(db, instance, model, context, actor);
            scopes.Add(scope);
            scope.Append(new HistoryEventRow { Kind = HistoryEventKind.InstanceStarted, ActivityId = startId, Value = request.BusinessKey, Name = definition.Key });
            scope.Interpreter.Apply(new Trigger.Start(startId, request.Variables ?? new Dictionary<string, TypedValue>()));
            await FlushAsync(scope, ct);
            return InstanceSummary.Of(instance);
        }, ct, beginAtSave: true);
    }

    /// <summary>Sets variables on a running instance (Camunda: <c>POST /process-instance/{id}/variables</c>).</summary>
    public Task SetVariablesAsync(string instanceId, IReadOnlyDictionary<string, TypedValue> variables, string? actor, CancellationToken ct = default) =>
        OnInstanceAsync(instanceId, actor, scope =>
        {
            scope.Interpreter.Apply(new Trigger.SetVariables(variables));
            scope.LogOperation("SetVariables", null, new { names = variables.Keys });
            return Task.FromResult(true);
        }, ct);

    private async Task<DefinitionRef> ResolveDefinitionAsync(StartRequest request, CancellationToken ct)
    {
        if (request.DefinitionId is { } id)
            return await RuntimeStore.For(db).DefinitionAsync(db, key: null, id, ct)
                   ?? throw new WorkflowNotFoundException($"No process definition with id '{id}'.");
        return await RuntimeStore.For(db).DefinitionAsync(db, request.Key ?? "", id: null, ct)
               ?? throw new WorkflowNotFoundException($"No process definition with key '{request.Key}' has been deployed.");
    }

    private InterpreterContext ContextFor(ProcessModel model) =>
        new(model, clock.GetUtcNow(), calendar, expressions, NewId);

    private static string NewId() => Guid.CreateVersion7().ToString();

    private Task<T> OnInstanceAsync<T>(string instanceId, string? actor, Func<CommandScope, Task<T>> body, CancellationToken ct,
        [CallerMemberName] string command = "") =>
        InTransactionAsync(async scopes =>
        {
            var scope = await CommandScope.LoadAsync(db, instanceId, ContextFor, definitions, actor, ct);
            scopes.Add(scope);
            var result = await body(scope);
            await FlushAsync(scope, ct);
            return result;
        }, ct, command);

    /// <summary>Writes the interpreter's effects, running requested service tasks until every token waits.</summary>
    private async Task FlushAsync(CommandScope scope, CancellationToken ct)
    {
        while (await scope.ApplyEffectsAsync(ct) is { Count: > 0 } invocations)
        {
            foreach (var invocation in invocations)
                await InvokeAsync(scope, invocation, ct);
        }
        scope.SyncExecutions();
        await NotifyListenersAsync(scope, ct);
    }

    private async Task NotifyListenersAsync(CommandScope scope, CancellationToken ct)
    {
        var listeners = services.GetServices<IInstanceListener>().ToList();
        if (listeners.Count == 0)
            return;
        var completed = scope.Interpreter.Effects.OfType<Effect.ActivityEnded>().Where(e => !e.Canceled).Select(e => e.Node).ToList();
        var waiting = scope.State.Tokens.OrderBy(t => t.ScopeTokenId is null ? 0 : 1).Select(t => scope.Model.Node(t.ActivityId)).ToList();
        var change = new InstanceChange(scope.Instance.Id, scope.Instance.BusinessKey, scope.Instance.DefinitionKey, scope.State.Status,
            waiting, completed, scope.State.Values, scope.Actor, scope.Context.Now)
        {
            TasksCreated = scope.Interpreter.Effects.OfType<Effect.HumanTaskCreated>().Select(e => e.Task).ToList(),
            Entered = scope.Interpreter.Effects.OfType<Effect.ActivityStarted>().Select(e => e.Node).ToList(),
        };
        foreach (var listener in listeners)
            await listener.OnChangedAsync(change, ct);
    }

    private async Task InvokeAsync(CommandScope scope, Effect.ServiceInvocationRequested invocation, CancellationToken ct)
    {
        var node = invocation.Node;
        IReadOnlyDictionary<string, object?>? output;
        try
        {
            if (node.Decision is { } decision)
            {
                await EvaluateDecisionAsync(scope, invocation, decision, ct);
                return;
            }
            // A handler may write at once (its contract: inside the command's transaction); a start begins it here.
            if (current is { } transaction)
                await transaction.BeginAsync(ct);
            var handler = node.HandlerName is { } name ? handlers.Resolve(name, services) : null;
            if (handler is null)
                throw new InvalidOperationException($"No service task handler named '{node.HandlerName}' is registered.");
            var context = new ServiceTaskContext(scope.Instance.Id, scope.Instance.BusinessKey, scope.Instance.DefinitionKey, node.Id,
                scope.State.Values, node.Properties, invocation.AttemptsMade + 1);
            output = await handler.ExecuteAsync(context, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Service task {Activity} of instance {Instance} failed (attempt {Attempt})", node.Id, scope.Instance.Id, invocation.AttemptsMade + 1);
            scope.Interpreter.Apply(new Trigger.ServiceFailed(invocation.TokenId, invocation.ActivityInstanceId, invocation.AttemptsMade + 1, ex.Message));
            return;
        }
        var variables = (output ?? new Dictionary<string, object?>()).ToDictionary(v => v.Key, v => TypedValue.From(v.Value));
        scope.Interpreter.Apply(new Trigger.ServiceSucceeded(invocation.TokenId, invocation.ActivityInstanceId, variables));
    }
}
