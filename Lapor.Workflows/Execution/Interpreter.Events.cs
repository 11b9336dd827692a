using Lapor.Workflows.Definitions;
using Lapor.Workflows.ServiceTasks;

namespace Lapor.Workflows.Execution;

/// <summary>End events, thrown errors and escalations, scope completion and cancellation.</summary>
public sealed partial class Interpreter
{
    private void Finish(Token token, EndEvent end)
    {
        End(token);
        switch (end.Kind)
        {
            case EndEventKind.Terminate:
                state.Tokens.Remove(token);
                foreach (var other in state.Tokens.Where(t => t.ScopeTokenId == token.ScopeTokenId).ToList())
                    Cancel(other, $"terminated by '{end.Id}'");
                ScopeMaybeComplete(token.ScopeTokenId, terminated: true);
                break;
            case EndEventKind.Error:
                Throw(token, BoundaryEventKind.Error, end.Code);
                break;
            case EndEventKind.Escalation:
                Throw(token, BoundaryEventKind.Escalation, end.Code);
                break;
            default:
                state.Tokens.Remove(token);
                ScopeMaybeComplete(token.ScopeTokenId);
                break;
        }
    }

    /// <summary>Looks for a boundary event that catches the error or escalation on each enclosing sub-process, innermost first.</summary>
    private void Throw(Token token, BoundaryEventKind kind, string? code)
    {
        state.Tokens.Remove(token);
        for (var scopeId = token.ScopeTokenId; scopeId is not null;)
        {
            var scope = state.FindToken(scopeId)!;
            var boundary = FindCatch(scope.ActivityId, kind, code);
            if (boundary is not null)
            {
                if (boundary.CancelActivity)
                {
                    Interrupt(scope, boundary);
                }
                else
                {
                    Arrive(NewToken(scope.ScopeTokenId), boundary.Id);
                    ScopeMaybeComplete(token.ScopeTokenId);
                }
                return;
            }
            scopeId = scope.ScopeTokenId;
        }
        // Nobody catches it: like Camunda, the path simply ends as if at a none end event.
        ScopeMaybeComplete(token.ScopeTokenId);
    }

    private BoundaryEvent? FindCatch(string activityId, BoundaryEventKind kind, string? code)
    {
        var candidates = Model.BoundaryEvents(activityId).Where(b => b.Kind == kind).ToList();
        return candidates.FirstOrDefault(b => b.Code is not null && b.Code == code) ?? candidates.FirstOrDefault(b => b.Code is null);
    }

    /// <summary>An interrupting event cancels the activity (and all inside it) and the token leaves by the boundary event.</summary>
    private void Interrupt(Token token, BoundaryEvent boundary)
    {
        foreach (var child in state.Tokens.Where(t => t.ScopeTokenId == token.Id).ToList())
            Cancel(child, $"interrupted by '{boundary.Id}'");
        Emit(new Effect.WaitsCancelled(token.Id, Model.Node(token.ActivityId), $"interrupted by '{boundary.Id}'"));
        Emit(new Effect.ActivityEnded(token.ActivityInstanceId, token.Id, Model.Node(token.ActivityId), Canceled: true));
        Arrive(token, boundary.Id);
    }

    private void Cancel(Token token, string reason)
    {
        foreach (var child in state.Tokens.Where(t => t.ScopeTokenId == token.Id).ToList())
            Cancel(child, reason);
        if (token.State is TokenState.Waiting or TokenState.Scope)
            Emit(new Effect.WaitsCancelled(token.Id, Model.Node(token.ActivityId), reason));
        if (token.State is not TokenState.Moving)
            Emit(new Effect.ActivityEnded(token.ActivityInstanceId, token.Id, Model.Node(token.ActivityId), Canceled: true));
        state.Tokens.Remove(token);
    }

    /// <summary>Every token goes (innermost first, each with its waits and a cancelled activity), then the instance ends.</summary>
    private void CancelInstance(string reason)
    {
        foreach (var token in state.Tokens.Where(t => t.ScopeTokenId is null).ToList())
            Cancel(token, reason);
        state.Tokens.Clear();
        state.Status = InstanceStatus.ExternallyTerminated;
        Emit(new Effect.InstanceEnded(state.Status));
    }

    /// <summary>When the last token of a scope is gone, the sub-process completes, or at the top the instance does.</summary>
    private void ScopeMaybeComplete(string? scopeTokenId, bool terminated = false)
    {
        if (state.Tokens.Any(t => t.ScopeTokenId == scopeTokenId))
            return;
        if (scopeTokenId is null)
        {
            state.Status = terminated ? InstanceStatus.InternallyTerminated : InstanceStatus.Completed;
            Emit(new Effect.InstanceEnded(state.Status));
            return;
        }
        if (state.FindToken(scopeTokenId) is { } scope)
            Continue(scope);
    }

    private void Fire(Trigger.FireTimer timer)
    {
        var token = state.FindToken(timer.TokenId);
        // A timer can come due after its token moved on (or came back on a later visit): ignore it.
        if (token is null || token.ActivityInstanceId != timer.ActivityInstanceId || !Model.Nodes.TryGetValue(timer.ActivityId, out var node))
        {
            WasStale = true;
            return;
        }
        switch (node)
        {
            case BoundaryEvent boundary when boundary.AttachedToId == token.ActivityId:
                if (boundary.CancelActivity)
                {
                    Interrupt(token, boundary);
                    break;
                }
                var next = Schedule(boundary.Id, boundary.Timer!).NextDue(timer.DueAt, timer.Fired + 1, context.Calendar);
                if (next is { } due)
                    Emit(new Effect.JobCreated(new NewJob(context.NewId(), JobType.Timer, token.Id, boundary.Id, token.ActivityInstanceId, due, timer.Fired + 1)));
                Arrive(NewToken(token.ScopeTokenId), boundary.Id);
                break;
            case IntermediateCatchEvent when token.ActivityId == node.Id:
                Continue(token);
                break;
            case IntermediateCatchEvent when Model.Node(token.ActivityId) is EventBasedGateway:
                PassGateway(token, node);
                break;
            default:
                WasStale = true;
                break;
        }
    }

    private void Deliver(Trigger.DeliverMessage message)
    {
        var token = state.FindToken(message.TokenId);
        if (token is null || token.ActivityInstanceId != message.ActivityInstanceId || !Model.Nodes.TryGetValue(message.ActivityId, out var node))
        {
            WasStale = true;
            return;
        }
        SetVariables(message.Variables);
        switch (node)
        {
            case BoundaryEvent { CancelActivity: true } boundary when boundary.AttachedToId == token.ActivityId:
                Interrupt(token, boundary);
                break;
            case BoundaryEvent boundary when boundary.AttachedToId == token.ActivityId:
                Arrive(NewToken(token.ScopeTokenId), boundary.Id);
                break;
            case ReceiveTask or IntermediateCatchEvent when token.ActivityId == node.Id:
                Continue(token);
                break;
            case ReceiveTask or IntermediateCatchEvent when Model.Node(token.ActivityId) is EventBasedGateway:
                PassGateway(token, node);
                break;
            default:
                WasStale = true;
                break;
        }
    }

    /// <summary>The first event after an event-based gateway happened: the other waits go, the token passes through the event.</summary>
    private void PassGateway(Token token, FlowNode happened)
    {
        var gatewayId = token.ActivityId;
        End(token);
        Begin(token, happened, Model.Outgoing(gatewayId).FirstOrDefault(f => f.TargetId == happened.Id)?.Id);
        Continue(token);
    }

    private void ServiceFailed(Trigger.ServiceFailed failed)
    {
        var token = WaitingAt<ServiceTask>(failed.TokenId, failed.ActivityInstanceId, "record the failure");
        var task = (ServiceTask)Model.Node(token.ActivityId);
        var cycle = RetryCycle.Parse(task.RetryTimeCycle);
        if (failed.AttemptsMade < cycle.Attempts)
            Emit(new Effect.JobCreated(new NewJob(context.NewId(), JobType.ServiceRetry, token.Id, task.Id, token.ActivityInstanceId, context.Now + cycle.Interval, failed.AttemptsMade, failed.Error)));
        else
            Emit(new Effect.IncidentRaised(token.Id, task.Id, token.ActivityInstanceId, $"{failed.Error} (failed {failed.AttemptsMade} of {cycle.Attempts} attempts)"));
    }
}
