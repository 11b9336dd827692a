using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;

namespace Lapor.Workflows.Execution;

/// <summary>
/// The BPMN token game, free of I/O: applies a trigger to an instance, moves tokens until every one waits, and
/// records what happened as <see cref="Effects"/>. The runtime loads the state before and stores the effects after,
/// in one transaction. A failure here throws before anything is stored, so the command changes nothing.
/// </summary>
public sealed partial class Interpreter(InstanceState state, InterpreterContext context)
{
    private readonly List<Effect> _effects = [];
    private readonly Queue<(Token Token, string NodeId, string? FlowId)> _arrivals = new();
    private int _steps;

    public IReadOnlyList<Effect> Effects => _effects;

    /// <summary>True when the last trigger referred to a visit the token has already left (a late timer or message).</summary>
    public bool WasStale { get; private set; }

    private ProcessModel Model => context.Model;

    public void Apply(Trigger trigger)
    {
        if (state.Status != InstanceStatus.Active)
            throw new WorkflowConflictException($"Process instance '{state.InstanceId}' has already ended.", "ProcessEngineException");
        WasStale = false;
        switch (trigger)
        {
            case Trigger.Start start:
                Start(start);
                break;
            case Trigger.CompleteTask complete:
                var task = WaitingAt<UserTask>(complete.TokenId, complete.ActivityInstanceId, "complete the task");
                SetVariables(complete.Variables);
                Continue(task);
                break;
            case Trigger.DeliverMessage message:
                Deliver(message);
                break;
            case Trigger.FireTimer timer:
                Fire(timer);
                break;
            case Trigger.InvokeService invoke:
                var waiting = WaitingAt<ServiceTask>(invoke.TokenId, invoke.ActivityInstanceId, "run the service task");
                Emit(new Effect.ServiceInvocationRequested(waiting.Id, waiting.ActivityInstanceId, (ServiceTask)Model.Node(waiting.ActivityId), invoke.AttemptsMade));
                break;
            case Trigger.ServiceSucceeded done:
                var service = WaitingAt<ServiceTask>(done.TokenId, done.ActivityInstanceId, "finish the service task");
                SetVariables(done.Variables);
                Continue(service);
                break;
            case Trigger.ServiceFailed failed:
                ServiceFailed(failed);
                break;
            case Trigger.SetVariables set:
                SetVariables(set.Variables);
                break;
            case Trigger.CancelInstance cancel:
                CancelInstance(cancel.Reason);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(trigger), trigger.GetType().Name, "Unknown trigger.");
        }
        RunQueue();
    }

    private void Start(Trigger.Start start)
    {
        if (Model.Nodes.GetValueOrDefault(start.StartEventId) is not StartEvent { ScopeId: null } startEvent)
            throw new WorkflowException($"'{start.StartEventId}' is not a start event of process '{Model.Key}'.");
        SetVariables(start.Variables);
        Arrive(NewToken(scopeTokenId: null), startEvent.Id);
    }

    private void RunQueue()
    {
        while (_arrivals.TryDequeue(out var arrival))
        {
            if (++_steps > context.MaxSteps)
                throw new WorkflowException($"The process ran {context.MaxSteps} steps without waiting (last at '{arrival.NodeId}'); a loop needs a wait state such as a user task or timer.");
            if (state.Tokens.Contains(arrival.Token))
                Enter(arrival.Token, Model.Node(arrival.NodeId), arrival.FlowId);
        }
    }

    /// <param name="flowId">The sequence flow the token came along; null where it enters without one (a start or boundary event).</param>
    private void Arrive(Token token, string nodeId, string? flowId = null)
    {
        token.State = TokenState.Moving;
        token.ActivityId = nodeId;
        _arrivals.Enqueue((token, nodeId, flowId));
    }

    private void Enter(Token token, FlowNode node, string? flowId)
    {
        Begin(token, node, flowId);
        switch (node)
        {
            case StartEvent or PassThroughTask or BoundaryEvent:
                Continue(token);
                break;
            case EndEvent end:
                Finish(token, end);
                break;
            case UserTask userTask:
                token.State = TokenState.Waiting;
                Emit(new Effect.HumanTaskCreated(CreateHumanTask(token, userTask)));
                CreateBoundaryWaits(token, node);
                break;
            case ServiceTask serviceTask:
                EnterServiceTask(token, serviceTask);
                break;
            case ReceiveTask receive:
                token.State = TokenState.Waiting;
                Emit(new Effect.SubscriptionCreated(token.Id, receive.Id, token.ActivityInstanceId, receive.MessageName));
                CreateBoundaryWaits(token, node);
                break;
            case ExclusiveGateway gateway:
                End(token);
                Take(token, [ChooseExclusive(gateway)]);
                break;
            case ParallelGateway gateway:
                EnterParallel(token, gateway);
                break;
            case EventBasedGateway gateway:
                token.State = TokenState.Waiting;
                foreach (var flow in Model.Outgoing(gateway.Id))
                    CreateEventWait(token, Model.Node(flow.TargetId));
                break;
            case IntermediateCatchEvent catchEvent:
                token.State = TokenState.Waiting;
                CreateEventWait(token, catchEvent);
                break;
            case SubProcess subProcess:
                token.State = TokenState.Scope;
                CreateBoundaryWaits(token, node);
                var start = Model.NoneStart(subProcess.Id) ?? throw new WorkflowException($"Sub-process '{subProcess.Id}' has no none start event.");
                Arrive(NewToken(token.Id), start.Id);
                break;
            default:
                throw new WorkflowException($"Element '{node.Id}' ({node.BpmnType}) cannot be executed.");
        }
    }

    private void EnterServiceTask(Token token, ServiceTask task)
    {
        token.State = TokenState.Waiting;
        CreateBoundaryWaits(token, task);
        if (task.HandlerName is null && task.Expression is not null)
        {
            var result = Evaluate(task.Id, task.Expression);
            if (task.ResultVariable is { } name)
                SetVariable(name, TypedValue.From(result));
            Continue(token);
        }
        else if (task.AsyncBefore)
        {
            Emit(new Effect.JobCreated(new NewJob(context.NewId(), JobType.AsyncContinuation, token.Id, task.Id, token.ActivityInstanceId, context.Now, 0)));
        }
        else
        {
            Emit(new Effect.ServiceInvocationRequested(token.Id, token.ActivityInstanceId, task, 0));
        }
    }

    private void EnterParallel(Token token, ParallelGateway gateway)
    {
        var incoming = Model.Incoming(gateway.Id).Count;
        if (incoming > 1)
        {
            token.State = TokenState.Joining;
            var arrived = state.Tokens
                .Where(t => t.State == TokenState.Joining && t.ActivityId == gateway.Id && t.ScopeTokenId == token.ScopeTokenId)
                .ToList();
            if (arrived.Count < incoming)
                return;
            foreach (var other in arrived.Where(t => t != token))
            {
                Emit(new Effect.ActivityEnded(other.ActivityInstanceId, other.Id, gateway, Canceled: false));
                state.Tokens.Remove(other);
            }
        }
        Continue(token);
    }

    /// <summary>The token leaves its node normally: its waits are cleared and it follows the outgoing flows.</summary>
    private void Continue(Token token)
    {
        var node = Model.Node(token.ActivityId);
        End(token);
        var flows = Model.Outgoing(node.Id).Where(f => f.Condition is null || node is ParallelGateway || EvaluateCondition(f)).ToList();
        Take(token, flows);
    }

    /// <summary>Closes the token's activity instance and drops whatever it was waiting on.</summary>
    private void End(Token token)
    {
        if (token.State is TokenState.Waiting or TokenState.Scope)
            Emit(new Effect.WaitsCancelled(token.Id, Model.Node(token.ActivityId), "completed"));
        Emit(new Effect.ActivityEnded(token.ActivityInstanceId, token.Id, Model.Node(token.ActivityId), Canceled: false));
        token.State = TokenState.Moving;
    }

    private void Take(Token token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            // An activity without outgoing flows is an implicit end event.
            state.Tokens.Remove(token);
            ScopeMaybeComplete(token.ScopeTokenId);
            return;
        }
        Arrive(token, flows[0].TargetId, flows[0].Id);
        foreach (var flow in flows.Skip(1))
            Arrive(NewToken(token.ScopeTokenId), flow.TargetId, flow.Id);
    }

    private SequenceFlow ChooseExclusive(ExclusiveGateway gateway)
    {
        SequenceFlow? fallback = null;
        foreach (var flow in Model.Outgoing(gateway.Id))
        {
            if (flow.Id == gateway.DefaultFlowId)
                fallback = flow;
            else if (flow.Condition is null || EvaluateCondition(flow))
                return flow;
        }
        return fallback ?? throw new WorkflowException(
            $"Exclusive gateway '{gateway.Id}' has no outgoing flow whose condition holds and no default flow " +
            $"(variables: {string.Join(", ", state.Variables.Select(v => $"{v.Key}={v.Value.Value ?? "null"}"))}).");
    }

    private void Begin(Token token, FlowNode node, string? flowId)
    {
        token.ActivityId = node.Id;
        token.ActivityInstanceId = context.NewId();
        var parent = token.ScopeTokenId is null ? state.InstanceId : state.FindToken(token.ScopeTokenId)?.ActivityInstanceId;
        Emit(new Effect.ActivityStarted(token.ActivityInstanceId, parent, token.Id, node, flowId));
    }

    private Token NewToken(string? scopeTokenId)
    {
        var token = new Token { Id = context.NewId(), ActivityId = "", ScopeTokenId = scopeTokenId, State = TokenState.Moving };
        state.Tokens.Add(token);
        return token;
    }

    private Token WaitingAt<T>(string tokenId, string activityInstanceId, string what) where T : FlowNode
    {
        var token = state.FindToken(tokenId);
        if (token is null || token.ActivityInstanceId != activityInstanceId || Model.Node(token.ActivityId) is not T)
            throw new WorkflowConflictException($"Cannot {what}: process instance '{state.InstanceId}' is no longer waiting there.");
        return token;
    }

    private void Emit(Effect effect) => _effects.Add(effect);
}
