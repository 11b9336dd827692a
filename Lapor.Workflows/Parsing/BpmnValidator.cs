using Lapor.Workflows.Definitions;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.ServiceTasks;
using Lapor.Workflows.Timers;

namespace Lapor.Workflows.Parsing;

/// <summary>
/// Checks a parsed process before it may be stored: structure (start/end, reachability, gateways, boundaries),
/// human task assignment, and that every expression and timer parses. Every problem names its element.
/// </summary>
public sealed class BpmnValidator(ExpressionEvaluator expressions, IReadOnlySet<string>? knownHandlers = null)
{
    public IReadOnlyList<DefinitionProblem> Validate(ProcessModel model)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string? id, string message) => problems.Add(new(id, message));

        CheckFlows(model, Problem);
        CheckStarts(model, null, Problem);
        foreach (var sub in model.Nodes.Values.OfType<SubProcess>())
            CheckStarts(model, sub.Id, Problem);
        foreach (var node in model.Nodes.Values)
            CheckNode(model, node, Problem);
        CheckReachability(model, Problem);
        return problems;
    }

    private static void CheckFlows(ProcessModel model, Action<string?, string> problem)
    {
        foreach (var flow in model.Flows.Values)
        {
            var source = model.Nodes.GetValueOrDefault(flow.SourceId);
            var target = model.Nodes.GetValueOrDefault(flow.TargetId);
            if (source is null)
                problem(flow.Id, $"sourceRef '{flow.SourceId}' does not name an element of process '{model.Key}'.");
            if (target is null)
                problem(flow.Id, $"targetRef '{flow.TargetId}' does not name an element of process '{model.Key}'.");
            if (source is not null && target is not null && source.ScopeId != target.ScopeId)
                problem(flow.Id, $"The flow crosses a sub-process border ('{flow.SourceId}' → '{flow.TargetId}').");
        }
    }

    private static void CheckStarts(ProcessModel model, string? scopeId, Action<string?, string> problem)
    {
        var starts = model.Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId == scopeId).ToList();
        var none = starts.Count(s => s.MessageName is null);
        var where = scopeId is null ? $"Process '{model.Key}'" : $"Sub-process '{scopeId}'";
        if (none != 1)
            problem(scopeId ?? model.Key, $"{where} needs exactly one none start event; it has {none}.");
    }

    private void CheckNode(ProcessModel model, FlowNode node, Action<string?, string> problem)
    {
        var incoming = model.Incoming(node.Id);
        var outgoing = model.Outgoing(node.Id);
        switch (node)
        {
            case StartEvent when incoming.Count > 0:
                problem(node.Id, "A start event cannot have incoming sequence flows.");
                break;
            case EndEvent when outgoing.Count > 0:
                problem(node.Id, "An end event cannot have outgoing sequence flows.");
                break;
            case BoundaryEvent b:
                CheckBoundary(model, b, problem);
                break;
            case UserTask task:
                CheckUserTask(task, problem);
                break;
            case ServiceTask service:
                CheckServiceTask(service, problem);
                break;
            case IntermediateCatchEvent { Timer: { } timer }:
                CheckTimer(node.Id, timer, problem);
                break;
            case ExclusiveGateway gateway:
                CheckExclusive(model, gateway, problem);
                break;
            case ParallelGateway:
                foreach (var flow in outgoing.Where(f => f.Condition is not null))
                    problem(flow.Id, $"A flow leaving parallel gateway '{node.Id}' cannot have a condition.");
                break;
            case EventBasedGateway:
                CheckEventGateway(model, node, problem);
                break;
        }
        if (node is not (StartEvent or BoundaryEvent) && incoming.Count == 0)
            problem(node.Id, "The element has no incoming sequence flow, so it can never be reached.");
        if (node is not (EndEvent or ExclusiveGateway) && outgoing.Count == 0 && node is (StartEvent or BoundaryEvent or ParallelGateway or EventBasedGateway or IntermediateCatchEvent))
            problem(node.Id, "The element has no outgoing sequence flow.");
        foreach (var flow in outgoing.Where(f => f.Condition is not null && node is not ExclusiveGateway))
            CheckCondition(flow, problem);
    }

    private void CheckBoundary(ProcessModel model, BoundaryEvent b, Action<string?, string> problem)
    {
        if (!model.Nodes.TryGetValue(b.AttachedToId, out var host))
        {
            problem(b.Id, $"attachedToRef '{b.AttachedToId}' does not name an element of the process.");
            return;
        }
        if (!host.IsActivity)
            problem(b.Id, $"A boundary event can only be attached to a task or sub-process; '{b.AttachedToId}' is a {host.BpmnType}.");
        if (b.Kind is BoundaryEventKind.Error or BoundaryEventKind.Escalation && host is not SubProcess)
            problem(b.Id, $"{b.Kind} boundary events are supported on embedded sub-processes only; '{b.AttachedToId}' is a {host.BpmnType}.");
        if (model.Incoming(b.Id).Count > 0)
            problem(b.Id, "A boundary event cannot have incoming sequence flows.");
        if (b.Timer is { } timer)
            CheckTimer(b.Id, timer, problem);
    }

    private void CheckUserTask(UserTask task, Action<string?, string> problem)
    {
        if (task.Assignee is null && task.CandidateUsers is null && task.CandidateGroups is null)
            problem(task.Id, "A user task needs camunda:assignee, camunda:candidateUsers or camunda:candidateGroups, otherwise nobody can see it.");
        foreach (var (attribute, value) in new[]
                 {
                     ("assignee", task.Assignee), ("candidateUsers", task.CandidateUsers), ("candidateGroups", task.CandidateGroups),
                     ("dueDate", task.DueDate), ("followUpDate", task.FollowUpDate), ("priority", task.Priority),
                 })
        {
            if (value is not null && ExpressionEvaluator.IsExpression(value) && expressions.Check(value) is { Ok: false } check)
                problem(task.Id, $"camunda:{attribute}: {check.Error}");
        }
        if (task.Priority is { } p && !ExpressionEvaluator.IsExpression(p) && !int.TryParse(p, out _))
            problem(task.Id, $"camunda:priority '{p}' is not a whole number.");
        foreach (var date in new[] { ("dueDate", task.DueDate), ("followUpDate", task.FollowUpDate) })
        {
            if (date.Item2 is { } text && !ExpressionEvaluator.IsExpression(text) && !TimerParser.TryParse(TimerKind.Date, text, out _, out _)
                && !TimerParser.TryParse(TimerKind.Duration, text, out _, out _))
                problem(task.Id, $"camunda:{date.Item1} '{text}' is neither an ISO 8601 date-time nor a duration (e.g. P5WD for five working days).");
        }
        foreach (var field in task.FormFields)
        {
            if (field.Type is not ("string" or "long" or "boolean" or "date" or "enum" or "double" or "text"))
                problem(task.Id, $"Form field '{field.Id}' has type '{field.Type}'; use string, text, long, double, boolean, date or enum.");
            if (field.Type == "enum" && field.Options.Count == 0)
                problem(task.Id, $"Form field '{field.Id}' is an enum without camunda:value options.");
            foreach (var (name, config) in field.Constraints)
                if (FormConstraintProblem(field, name, config) is { } message)
                    problem(task.Id, $"Form field '{field.Id}': {message}");
        }
    }

    /// <summary>Constraints are checked here so a form can never fail on a typo only when an officer submits it.</summary>
    private static string? FormConstraintProblem(FormField field, string name, string? config) => name switch
    {
        "required" or "readonly" => null,
        "minlength" or "maxlength" when field.Type is "string" or "text" =>
            int.TryParse(config, out var n) && n >= 0 ? null : $"constraint '{name}' needs a whole number config, not '{config}'.",
        "min" or "max" when field.Type is "long" or "double" =>
            double.TryParse(config, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? null : $"constraint '{name}' needs a number config, not '{config}'.",
        "min" or "max" when field.Type is "date" =>
            DateOnly.TryParseExact(config, "yyyy-MM-dd", out _) ? null : $"constraint '{name}' needs a date config (yyyy-MM-dd), not '{config}'.",
        "minlength" or "maxlength" or "min" or "max" => $"constraint '{name}' does not apply to a {field.Type} field.",
        _ => $"constraint '{name}' is not supported (use required, readonly, minlength, maxlength, min, max).",
    };

    private void CheckServiceTask(ServiceTask service, Action<string?, string> problem)
    {
        if (service.HandlerName is { } handler && knownHandlers is not null && !knownHandlers.Contains(handler))
            problem(service.Id, $"Service task handler '{handler}' is not registered (known: {string.Join(", ", knownHandlers.Order())}).");
        if (service.Expression is { } expression && expressions.Check(expression) is { Ok: false } check)
            problem(service.Id, $"camunda:expression: {check.Error}");
        if (!RetryCycle.TryParse(service.RetryTimeCycle, out _, out var error))
            problem(service.Id, $"camunda:failedJobRetryTimeCycle: {error}");
    }

    private void CheckTimer(string id, TimerDefinition timer, Action<string?, string> problem)
    {
        if (ExpressionEvaluator.IsExpression(timer.Text))
        {
            if (expressions.Check(timer.Text) is { Ok: false } check)
                problem(id, $"Timer: {check.Error}");
        }
        else if (!TimerParser.TryParse(timer.Kind, timer.Text, out _, out var error))
        {
            problem(id, $"Timer: {error}");
        }
    }

    private void CheckExclusive(ProcessModel model, ExclusiveGateway gateway, Action<string?, string> problem)
    {
        var outgoing = model.Outgoing(gateway.Id);
        if (outgoing.Count == 0)
            problem(gateway.Id, "The exclusive gateway has no outgoing sequence flow.");
        if (gateway.DefaultFlowId is { } defaultId && outgoing.All(f => f.Id != defaultId))
            problem(gateway.Id, $"The default flow '{defaultId}' is not an outgoing flow of this gateway.");
        var unconditional = outgoing.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId).ToList();
        if (outgoing.Count > 1 && unconditional.Count > 0)
            problem(gateway.Id, $"Flows {string.Join(", ", unconditional.Select(f => $"'{f.Id}'"))} leave the gateway without a condition; give each a condition or mark one as the default flow.");
        foreach (var flow in outgoing)
        {
            if (flow.Id == gateway.DefaultFlowId && flow.Condition is not null)
                problem(flow.Id, "The default flow of a gateway cannot have a condition.");
            else if (flow.Condition is not null)
                CheckCondition(flow, problem);
        }
    }

    private void CheckCondition(SequenceFlow flow, Action<string?, string> problem)
    {
        if (!ExpressionEvaluator.IsExpression(flow.Condition))
            problem(flow.Id, $"The condition '{flow.Condition}' must be an expression such as ${{approved == true}}.");
        else if (expressions.Check(flow.Condition!) is { Ok: false } check)
            problem(flow.Id, $"Condition: {check.Error}");
    }

    private static void CheckEventGateway(ProcessModel model, FlowNode gateway, Action<string?, string> problem)
    {
        var outgoing = model.Outgoing(gateway.Id);
        if (outgoing.Count < 2)
            problem(gateway.Id, "An event-based gateway needs at least two outgoing flows.");
        foreach (var flow in outgoing)
        {
            if (!model.Nodes.TryGetValue(flow.TargetId, out var target))
                continue;
            if (target is not (IntermediateCatchEvent or ReceiveTask))
                problem(gateway.Id, $"An event-based gateway may only lead to timer or message catch events or receive tasks; '{target.Id}' is a {target.BpmnType}.");
            else if (model.Incoming(target.Id).Count != 1)
                problem(target.Id, "An event after an event-based gateway must have that gateway as its only incoming flow.");
        }
    }

    private static void CheckReachability(ProcessModel model, Action<string?, string> problem)
    {
        var reached = new HashSet<string>();
        var queue = new Queue<string>(model.Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId is null).Select(s => s.Id));
        while (queue.TryDequeue(out var id))
        {
            if (!reached.Add(id) || !model.Nodes.TryGetValue(id, out var node))
                continue;
            foreach (var flow in model.Outgoing(id))
                queue.Enqueue(flow.TargetId);
            foreach (var boundary in model.BoundaryEvents(id))
                queue.Enqueue(boundary.Id);
            if (node is SubProcess && model.NoneStart(node.Id) is { } start)
                queue.Enqueue(start.Id);
        }
        foreach (var node in model.Nodes.Values.Where(n => !reached.Contains(n.Id)))
        {
            // Nodes without incoming flows were already reported; say it once per element.
            if (model.Incoming(node.Id).Count > 0 || node is BoundaryEvent)
                problem(node.Id, "The element cannot be reached from the start event.");
        }
    }
}
