using System.Text.Json;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// One command on one instance: the rows as loaded, the interpreter working on them, and the translation of its
/// effects back into runtime and history rows. Nothing here commits; the caller saves once at the end.
/// </summary>
internal sealed partial class CommandScope
{
    private readonly DbContext _db;
    private readonly List<ExecutionRow> _executions;
    private readonly Dictionary<string, VariableRow> _variables;
    private readonly HistoryWriter _history;
    private int _applied;

    /// <summary>The instance began in this command, so every row it has is one this command added: none to read.</summary>
    private bool _startedHere;

    private CommandScope(DbContext db, ProcessInstanceRow instance, ProcessModel model, InstanceState state,
        List<ExecutionRow> executions, Dictionary<string, VariableRow> variables, HistoryWriter history, InterpreterContext context, string? actor)
    {
        _db = db;
        Instance = instance;
        Model = model;
        State = state;
        _executions = executions;
        _variables = variables;
        _history = history;
        Context = context;
        Actor = actor;
        Interpreter = new Interpreter(state, context);
    }

    public ProcessInstanceRow Instance { get; }
    public ProcessModel Model { get; }
    public InstanceState State { get; }
    public InterpreterContext Context { get; }
    public Interpreter Interpreter { get; }
    public string? Actor { get; }
    public DateTime Now => WorkflowClock.Utc(Context.Now);
    public List<JobRow> NewJobs { get; } = [];
    public List<string> RemovedJobIds { get; } = [];

    public static async Task<CommandScope> LoadAsync(DbContext db, string instanceId, Func<ProcessModel, InterpreterContext> contextFor,
        DefinitionCache definitions, string? actor, CancellationToken ct)
    {
        var loaded = await RuntimeStore.For(db).InstanceWithChainHeadAsync(db, instanceId, ct)
                     ?? throw new WorkflowNotFoundException($"Process instance '{instanceId}' does not exist.");
        return await LoadAsync(db, loaded, contextFor, definitions, actor, ct);
    }

    /// <summary>Loads the rest of an instance whose row and chain head the caller has already read (tracked).</summary>
    public static async Task<CommandScope> LoadAsync(DbContext db, LoadedInstance loaded, Func<ProcessModel, InterpreterContext> contextFor,
        DefinitionCache definitions, string? actor, CancellationToken ct)
    {
        var instance = loaded.Instance;
        var instanceId = instance.Id;
        var model = await definitions.GetAsync(db, instance.DefinitionId, ct);
        var executions = await RuntimeStore.For(db).ExecutionsAsync(db, instanceId, ct);
        var variables = (await RuntimeStore.For(db).VariablesAsync(db, instanceId, ct)).ToDictionary(v => v.Name);
        var state = new InstanceState
        {
            InstanceId = instance.Id,
            BusinessKey = instance.BusinessKey,
            Status = instance.Status,
            Tokens = executions.Select(e => new Token
            {
                Id = e.Id, ActivityId = e.ActivityId, ActivityInstanceId = e.ActivityInstanceId, ScopeTokenId = e.ScopeExecutionId, State = e.State,
            }).ToList(),
            Variables = variables.Values.ToDictionary(v => v.Name, v => TypedValue.Deserialize(v.Type, v.Value)),
        };
        var history = HistoryWriter.Continue(db, instance.Id, loaded.Head);
        return new CommandScope(db, instance, model, state, executions, variables, history, contextFor(model), actor);
    }

    public static CommandScope Create(DbContext db, ProcessInstanceRow instance, ProcessModel model, InterpreterContext context, string? actor)
    {
        AddRow(db, instance);
        var history = HistoryWriter.StartNew(db, instance.Id);
        var state = new InstanceState { InstanceId = instance.Id, BusinessKey = instance.BusinessKey };
        return new CommandScope(db, instance, model, state, [], [], history, context, actor) { _startedHere = true };
    }

    /// <summary>
    /// Adds a row that has no navigations. <c>DbContext.Add</c> walks the row's graph to add what it reaches, which for
    /// these rows is only the row itself, at a cost paid on every command; a task, whose candidates hang off it, is
    /// still added with <c>Add</c>.
    /// </summary>
    internal static void AddRow(DbContext db, object row) => db.Entry(row).State = EntityState.Added;

    /// <summary>Writes the effects produced since the last call; returns the service invocations they asked for.</summary>
    public async Task<List<Effect.ServiceInvocationRequested>> ApplyEffectsAsync(CancellationToken ct)
    {
        var invocations = new List<Effect.ServiceInvocationRequested>();
        var effects = Interpreter.Effects;
        for (; _applied < effects.Count; _applied++)
        {
            switch (effects[_applied])
            {
                case Effect.ActivityStarted started:
                    // The flow taken is the row's value (Camunda's "transition"): the viewer draws it instead of guessing.
                    // An activity directly in the process has the instance as its parent: that is the row's instance id
                    // already, and readers take it from there (decision 028).
                    Record(HistoryEventKind.ActivityStarted, started.Node, started.ActivityInstanceId, started.TokenId,
                        parent: started.ParentActivityInstanceId == Instance.Id ? null : started.ParentActivityInstanceId, value: started.FlowId);
                    break;
                case Effect.ActivityEnded ended:
                    Record(HistoryEventKind.ActivityEnded, ended.Node, ended.ActivityInstanceId, ended.TokenId, value: ended.Canceled ? ActivityEndings.Canceled : ActivityEndings.Completed);
                    break;
                case Effect.HumanTaskCreated created:
                    AddTask(created.Task);
                    break;
                case Effect.WaitsCancelled cancelled:
                    await CancelWaitsAsync(cancelled.TokenId, cancelled.Node, cancelled.Reason, ct);
                    break;
                case Effect.JobCreated job:
                    AddJob(job.Job);
                    break;
                case Effect.SubscriptionCreated sub:
                    AddRow(_db, new MessageSubscriptionRow
                    {
                        Id = Context.NewId(), InstanceId = Instance.Id, ExecutionId = sub.TokenId, ActivityId = sub.ActivityId,
                        ActivityInstanceId = sub.ActivityInstanceId, MessageName = sub.MessageName, CreatedAt = Now,
                    });
                    break;
                case Effect.ServiceInvocationRequested invocation:
                    invocations.Add(invocation);
                    break;
                case Effect.VariableChanged changed:
                    SetVariableRow(changed.Name, changed.NewValue);
                    break;
                case Effect.IncidentRaised incident:
                    AddIncident(incident);
                    break;
                case Effect.InstanceEnded ended:
                    Instance.Status = ended.Status;
                    Instance.EndedAt = Now;
                    Append(new HistoryEventRow { Kind = HistoryEventKind.InstanceEnded, Value = ended.Status.ToString() });
                    DropVariables();
                    break;
            }
        }
        return invocations;
    }

    /// <summary>Brings the execution rows in line with the interpreter's tokens and bumps the instance revision.</summary>
    public void SyncExecutions()
    {
        var rows = _executions.ToDictionary(e => e.Id);
        foreach (var token in State.Tokens)
        {
            if (rows.Remove(token.Id, out var row))
            {
                row.ActivityId = token.ActivityId;
                row.ActivityInstanceId = token.ActivityInstanceId;
                row.State = token.State;
            }
            else
            {
                AddRow(_db, new ExecutionRow
                {
                    Id = token.Id, InstanceId = Instance.Id, ActivityId = token.ActivityId, ActivityInstanceId = token.ActivityInstanceId,
                    ScopeExecutionId = token.ScopeTokenId, State = token.State,
                });
            }
        }
        foreach (var gone in rows.Values)
            _db.Remove(gone);
        // No revision bump on the instance row: the chain head's revision check, which every command passes
        // (HistoryWriter), already refuses a concurrent command, and an UPDATE less is a page less per commit.
    }

    /// <summary>The history record of what this command appended, for the store to save with its other rows.</summary>
    public Task<HistoryRecord?> TakeHistoryAsync(CancellationToken ct) => _history.TakePendingAsync(ct);

    /// <summary>Adds a user-operation row (who claimed, assigned, completed…) to the instance's chain.</summary>
    public void LogOperation(string operation, string? taskId, object? detail) =>
        Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.UserOperation, Name = operation, TaskId = taskId,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail),
        });

    public void Append(HistoryEventRow row)
    {
        row.Time = Now;
        row.Actor ??= Actor;
        row.InstanceId = Instance.Id;
        row.DefinitionId = Instance.DefinitionId;
        _history.Append(row);
    }

    private void Record(HistoryEventKind kind, FlowNode node, string activityInstanceId, string tokenId, string? parent = null, string? value = null) =>
        Append(new HistoryEventRow
        {
            Kind = kind, ActivityId = node.Id, ActivityType = node.BpmnType, ActivityName = node.Name,
            ActivityInstanceId = activityInstanceId, ParentActivityInstanceId = parent, ExecutionId = tokenId, Value = value,
        });

    /// <summary>
    /// Runtime variables live as long as the instance, as in Camunda: history holds every value they had, and an ended
    /// instance takes no more commands that could read them (decision 030).
    /// </summary>
    private void DropVariables()
    {
        foreach (var row in _variables.Values)
            _db.Remove(row);
        _variables.Clear();
    }

    private void SetVariableRow(string name, TypedValue value)
    {
        var text = value.Serialize();
        // Setting a variable to the value it holds changes nothing, so history does not copy the value again.
        if (_variables.TryGetValue(name, out var row) && row.Type == value.Type && row.Value == text)
            return;
        if (row is null)
        {
            row = new VariableRow { InstanceId = Instance.Id, Name = name, Type = value.Type };
            _variables[name] = row;
            AddRow(_db, row);
        }
        row.Type = value.Type;
        row.Value = text;
        Append(new HistoryEventRow { Kind = HistoryEventKind.VariableSet, Name = name, ValueType = value.Type, Value = row.Value });
    }
}
