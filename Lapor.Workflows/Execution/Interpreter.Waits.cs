using System.Collections;
using System.Globalization;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.Timers;

namespace Lapor.Workflows.Execution;

/// <summary>Wait states (tasks, timers, subscriptions) and the expressions that configure them.</summary>
public sealed partial class Interpreter
{
    private ExpressionFunctions? _functions;

    private void CreateBoundaryWaits(Token token, FlowNode activity)
    {
        foreach (var boundary in Model.BoundaryEvents(activity.Id))
        {
            if (boundary.Kind == BoundaryEventKind.Timer)
                CreateTimer(token, boundary.Id, boundary.Timer!);
            else if (boundary.Kind == BoundaryEventKind.Message)
                Emit(new Effect.SubscriptionCreated(token.Id, boundary.Id, token.ActivityInstanceId, boundary.MessageName!));
        }
    }

    private void CreateEventWait(Token token, FlowNode node)
    {
        switch (node)
        {
            case IntermediateCatchEvent { Timer: { } timer }:
                CreateTimer(token, node.Id, timer);
                break;
            case IntermediateCatchEvent { MessageName: { } message }:
                Emit(new Effect.SubscriptionCreated(token.Id, node.Id, token.ActivityInstanceId, message));
                break;
            case ReceiveTask receive:
                Emit(new Effect.SubscriptionCreated(token.Id, node.Id, token.ActivityInstanceId, receive.MessageName));
                break;
        }
    }

    private void CreateTimer(Token token, string eventId, TimerDefinition timer)
    {
        var due = Schedule(eventId, timer).FirstDue(context.Now, context.Calendar);
        Emit(new Effect.JobCreated(new NewJob(context.NewId(), JobType.Timer, token.Id, eventId, token.ActivityInstanceId, due, 0)));
    }

    /// <summary>Evaluates the timer's expression (if any) and parses the result; a date is accepted for any timer kind.</summary>
    private TimerSchedule Schedule(string elementId, TimerDefinition timer)
    {
        var text = ExpressionEvaluator.IsExpression(timer.Text) ? Text(Evaluate(elementId, timer.Text)) ?? "" : timer.Text;
        if (TimerParser.TryParse(timer.Kind, text, out var schedule, out var error))
            return schedule!;
        if (timer.Kind != TimerKind.Date && TimerParser.TryParse(TimerKind.Date, text, out schedule, out _))
            return schedule!;
        throw new WorkflowException($"Timer of '{elementId}': {error}");
    }

    private NewHumanTask CreateHumanTask(Token token, UserTask task)
    {
        var assignee = Text(task.Id, task.Assignee);
        var priority = Text(task.Id, task.Priority) is { } p
            ? int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new WorkflowException($"Element '{task.Id}': priority '{p}' is not a whole number.")
            : 50;
        return new NewHumanTask(
            context.NewId(), token.Id, token.ActivityInstanceId, task.Id,
            Text(task.Id, task.Name), task.Documentation,
            string.IsNullOrWhiteSpace(assignee) ? null : assignee,
            List(task.Id, task.CandidateUsers), List(task.Id, task.CandidateGroups),
            Moment(task.Id, "dueDate", task.DueDate), Moment(task.Id, "followUpDate", task.FollowUpDate),
            priority, task.FormKey);
    }

    private DateTimeOffset? Moment(string elementId, string attribute, string? text)
    {
        if (text is null)
            return null;
        var value = ExpressionEvaluator.IsExpression(text) ? Evaluate(elementId, text) : text;
        if (value is null)
            return null;
        if (value is DateTimeOffset moment)
            return moment;
        var s = Text(value)!;
        foreach (var kind in new[] { TimerKind.Date, TimerKind.Duration })
            if (TimerParser.TryParse(kind, s, out var schedule, out _))
                return schedule!.FirstDue(context.Now, context.Calendar);
        throw new WorkflowException($"Element '{elementId}': {attribute} '{s}' is neither an ISO 8601 date-time nor a duration.");
    }

    private IReadOnlyList<string> List(string elementId, string? text)
    {
        if (text is null)
            return [];
        var value = ExpressionEvaluator.IsExpression(text) ? Evaluate(elementId, text) : text;
        var items = value switch
        {
            null => [],
            string s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            IEnumerable e => e.Cast<object?>().Select(Text).OfType<string>(),
            _ => [Text(value)!],
        };
        return items.Where(i => i.Length > 0).Distinct().ToList();
    }

    private string? Text(string elementId, string? text) =>
        text is null ? null : ExpressionEvaluator.IsExpression(text) ? Text(Evaluate(elementId, text)) : text;

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private object? Evaluate(string elementId, string text)
    {
        try
        {
            return context.Expressions.Evaluate(text, state.Values, Functions);
        }
        catch (ExpressionException ex)
        {
            throw new WorkflowException($"Element '{elementId}': {ex.Message}");
        }
    }

    private bool EvaluateCondition(SequenceFlow flow)
    {
        try
        {
            return context.Expressions.EvaluateCondition(flow.Condition!, state.Values, Functions);
        }
        catch (ExpressionException ex)
        {
            throw new WorkflowException($"Sequence flow '{flow.Id}': {ex.Message}");
        }
    }

    /// <summary>Functions expressions may call; they read the command's time, never the wall clock.</summary>
    private ExpressionFunctions Functions => _functions ??= new ExpressionFunctions()
        .Add("now", () => context.Now.ToString("O", CultureInfo.InvariantCulture))
        .Add("workingDays", (double days) => context.Calendar.AddWorkingDays(context.Now, checked((int)days)).ToString("O", CultureInfo.InvariantCulture));

    private void SetVariables(IReadOnlyDictionary<string, TypedValue> variables)
    {
        foreach (var (name, value) in variables)
            SetVariable(name, value);
    }

    private void SetVariable(string name, TypedValue value)
    {
        var old = state.SetVariable(name, value);
        if (old != value)
            Emit(new Effect.VariableChanged(name, old, value));
    }
}
