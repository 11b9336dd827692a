using Lapor.Workflows.Calendars;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.Parsing;

namespace Lapor.Workflows.Tests.Semantics;

/// <summary>
/// One process instance held in memory and driven straight through the <see cref="Lapor.Workflows.Execution.Interpreter"/>: triggers in,
/// effects out, no database and no runtime. Semantics tests written against it run in milliseconds; the end-to-end
/// tests over <c>EngineHarness</c> keep covering how the effects are stored.
/// </summary>
internal sealed class PureInstance
{
    private static readonly ExpressionEvaluator Expressions = new();
    private int _ids;

    public PureInstance(string bpmnXml, DateTimeOffset now, BusinessCalendar? calendar = null)
    {
        Model = BpmnParser.Parse("test.bpmn", bpmnXml)[0];
        Now = now;
        Calendar = calendar ?? BusinessCalendar.Plain(TimeZoneInfo.Utc);
    }

    public ProcessModel Model { get; }
    public BusinessCalendar Calendar { get; }
    public DateTimeOffset Now { get; set; }
    public InstanceState State { get; } = new() { InstanceId = "pi-1" };

    /// <summary>Effects of the last trigger only, in the order the interpreter emitted them.</summary>
    public IReadOnlyList<Effect> Last { get; private set; } = [];

    /// <summary>Every effect since the start, as a runtime would have stored them command after command.</summary>
    public List<Effect> All { get; } = [];

    public bool LastWasStale { get; private set; }

    public PureInstance Start(object? variables = null) =>
        Apply(new Trigger.Start(Model.NoneStart(null)!.Id, Vars(variables)));

    public PureInstance Apply(Trigger trigger)
    {
        var interpreter = new Lapor.Workflows.Execution.Interpreter(State, new InterpreterContext(Model, Now, Calendar, Expressions, () => $"id-{++_ids}"));
        interpreter.Apply(trigger);
        Last = interpreter.Effects;
        LastWasStale = interpreter.WasStale;
        All.AddRange(Last);
        return this;
    }

    /// <summary>The waiting token at <paramref name="activityId"/>; fails the test when there is none or several.</summary>
    public Token WaitingAt(string activityId) =>
        Assert.Single(State.Tokens, t => t.ActivityId == activityId && t.State == TokenState.Waiting);

    public PureInstance Complete(string activityId, object? variables = null)
    {
        var token = WaitingAt(activityId);
        return Apply(new Trigger.CompleteTask(token.Id, token.ActivityInstanceId, Vars(variables)));
    }

    /// <summary>Fires the newest timer job created at <paramref name="eventId"/> so far.</summary>
    public PureInstance Fire(string eventId)
    {
        var job = Jobs(eventId).Last();
        return Apply(new Trigger.FireTimer(job.TokenId, job.ActivityId, job.ActivityInstanceId, job.Count, job.DueAt));
    }

    /// <summary>Sorted ids of the nodes where tokens wait, as the runtime would report the instance's positions.</summary>
    public string[] Positions() =>
        State.Tokens.Where(t => t.State == TokenState.Waiting).Select(t => t.ActivityId).Order(StringComparer.Ordinal).ToArray();

    public IEnumerable<NewHumanTask> TasksCreated(IEnumerable<Effect>? effects = null) =>
        (effects ?? All).OfType<Effect.HumanTaskCreated>().Select(e => e.Task);

    public IEnumerable<NewJob> Jobs(string activityId) =>
        All.OfType<Effect.JobCreated>().Select(e => e.Job).Where(j => j.ActivityId == activityId);

    /// <summary>The ids of the nodes the last trigger entered, in order.</summary>
    public string[] Started() => Last.OfType<Effect.ActivityStarted>().Select(e => e.Node.Id).ToArray();

    /// <summary>The ids of the nodes the last trigger left (completed or cancelled), in order.</summary>
    public string[] Ended() => Last.OfType<Effect.ActivityEnded>().Select(e => e.Node.Id).ToArray();

    public object? Variable(string name) => State.Variables.TryGetValue(name, out var value) ? value.Value : null;

    private static IReadOnlyDictionary<string, TypedValue> Vars(object? variables) =>
        variables is null
            ? new Dictionary<string, TypedValue>()
            : variables.GetType().GetProperties().ToDictionary(p => p.Name, p => TypedValue.From(p.GetValue(variables)));
}
