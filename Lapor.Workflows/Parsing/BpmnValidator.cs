using System.Globalization;
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
    private delegate void Report(string? elementId, string code, string format, params string[] arguments);

    public IReadOnlyList<DefinitionProblem> Validate(ProcessModel model)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string? id, string code, string format, params string[] args) => problems.Add(DefinitionProblem.Rule(id, code, format, args));

        CheckFlows(model, Problem);
        CheckStarts(model, null, Problem);
        foreach (var sub in model.Nodes.Values.OfType<SubProcess>())
            CheckStarts(model, sub.Id, Problem);
        foreach (var node in model.Nodes.Values)
            CheckNode(model, node, Problem);
        AddReachability(model, problems);
        return problems;
    }

    /// <summary>
    /// When the process's start event leads nowhere, nothing after it can run: that one missing flow is the cause, and
    /// every element reachability would report is its consequence, not a second problem beside it.
    /// </summary>
    private static void AddReachability(ProcessModel model, List<DefinitionProblem> problems)
    {
        var unreachable = Reachability.Check(model).ToList();
        var start = problems.FindIndex(p => p.Code == "NoOutgoing" && p.ElementId is { } id && model.Nodes.GetValueOrDefault(id) is StartEvent { ScopeId: null });
        if (start < 0 || unreachable.Count == 0)
        {
            problems.AddRange(unreachable);
            return;
        }
        var cutOff = unreachable.SelectMany(p => p.ElementId is null ? p.Consequences : p.Consequences.Prepend(p.ElementId)).Distinct().ToList();
        problems[start] = problems[start] with { Consequences = cutOff };
    }

    private static void CheckFlows(ProcessModel model, Report problem)
    {
        foreach (var flow in model.Flows.Values)
        {
            var source = model.Nodes.GetValueOrDefault(flow.SourceId);
            var target = model.Nodes.GetValueOrDefault(flow.TargetId);
            if (source is null)
                problem(flow.Id, "FlowSourceMissing", "sourceRef '{0}' does not name an element of process '{1}'.", flow.SourceId, model.Key);
            if (target is null)
                problem(flow.Id, "FlowTargetMissing", "targetRef '{0}' does not name an element of process '{1}'.", flow.TargetId, model.Key);
            if (source is not null && target is not null && source.ScopeId != target.ScopeId)
                problem(flow.Id, "FlowCrossesSubProcess", "The flow crosses a sub-process border ('{0}' → '{1}').", flow.SourceId, flow.TargetId);
        }
    }

    private static void CheckStarts(ProcessModel model, string? scopeId, Report problem)
    {
        var starts = model.Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId == scopeId).ToList();
        var none = starts.Count(s => s.MessageName is null);
        if (none != 1 && scopeId is null)
            problem(model.Key, "StartCount", "Process '{0}' needs exactly one none start event; it has {1}.", model.Key, none.ToString(CultureInfo.InvariantCulture));
        else if (none != 1)
            problem(scopeId, "SubProcessStartCount", "Sub-process '{0}' needs exactly one none start event; it has {1}.", scopeId!, none.ToString(CultureInfo.InvariantCulture));
    }

    private void CheckNode(ProcessModel model, FlowNode node, Report problem)
    {
        var incoming = model.Incoming(node.Id);
        var outgoing = model.Outgoing(node.Id);
        switch (node)
        {
            case StartEvent when incoming.Count > 0:
                problem(node.Id, "StartHasIncoming", "A start event cannot have incoming sequence flows.");
                break;
            case EndEvent when outgoing.Count > 0:
                problem(node.Id, "EndHasOutgoing", "An end event cannot have outgoing sequence flows.");
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
                    problem(flow.Id, "ParallelCondition", "A flow leaving parallel gateway '{0}' cannot have a condition.", node.Id);
                break;
            case EventBasedGateway:
                CheckEventGateway(model, node, problem);
                break;
        }
        if (node is not (EndEvent or ExclusiveGateway) && outgoing.Count == 0 && node is (StartEvent or BoundaryEvent or ParallelGateway or EventBasedGateway or IntermediateCatchEvent))
            problem(node.Id, "NoOutgoing", "The element has no outgoing sequence flow.");
        foreach (var flow in outgoing.Where(f => f.Condition is not null && node is not ExclusiveGateway))
            CheckCondition(flow, problem);
    }

    private void CheckBoundary(ProcessModel model, BoundaryEvent b, Report problem)
    {
        if (!model.Nodes.TryGetValue(b.AttachedToId, out var host))
        {
            problem(b.Id, "BoundaryHostMissing", "attachedToRef '{0}' does not name an element of the process.", b.AttachedToId);
            return;
        }
        if (!host.IsActivity)
            problem(b.Id, "BoundaryHostNotActivity", "A boundary event can only be attached to a task or sub-process; '{0}' is a {1}.", b.AttachedToId, host.BpmnType);
        if (b.Kind is BoundaryEventKind.Error or BoundaryEventKind.Escalation && host is not SubProcess)
            problem(b.Id, "BoundaryNeedsSubProcess", "{0} boundary events are supported on embedded sub-processes only; '{1}' is a {2}.", b.Kind.ToString(), b.AttachedToId, host.BpmnType);
        if (model.Incoming(b.Id).Count > 0)
            problem(b.Id, "BoundaryHasIncoming", "A boundary event cannot have incoming sequence flows.");
        if (b.Timer is { } timer)
            CheckTimer(b.Id, timer, problem);
    }

    private void CheckUserTask(UserTask task, Report problem)
    {
        if (task.Assignee is null && task.CandidateUsers is null && task.CandidateGroups is null)
            problem(task.Id, "UserTaskNobody", "A user task needs camunda:assignee, camunda:candidateUsers or camunda:candidateGroups, otherwise nobody can see it.");
        foreach (var (attribute, value) in new[]
                 {
                     ("assignee", task.Assignee), ("candidateUsers", task.CandidateUsers), ("candidateGroups", task.CandidateGroups),
                     ("dueDate", task.DueDate), ("followUpDate", task.FollowUpDate), ("priority", task.Priority),
                 })
        {
            if (value is not null && ExpressionEvaluator.IsExpression(value) && expressions.Check(value) is { Ok: false } check)
                problem(task.Id, "AttributeExpression", "camunda:{0}: {1}", attribute, check.Error ?? "");
        }
        if (task.Priority is { } p && !ExpressionEvaluator.IsExpression(p) && !int.TryParse(p, out _))
            problem(task.Id, "PriorityNotNumber", "camunda:priority '{0}' is not a whole number.", p);
        foreach (var date in new[] { ("dueDate", task.DueDate), ("followUpDate", task.FollowUpDate) })
        {
            if (date.Item2 is { } text && !ExpressionEvaluator.IsExpression(text) && !TimerParser.TryParse(TimerKind.Date, text, out _, out _)
                && !TimerParser.TryParse(TimerKind.Duration, text, out _, out _))
                problem(task.Id, "DateInvalid", "camunda:{0} '{1}' is neither an ISO 8601 date-time nor a duration (e.g. P5WD for five working days).", date.Item1, text);
        }
        foreach (var field in task.FormFields)
        {
            if (field.Type is not ("string" or "long" or "boolean" or "date" or "enum" or "double" or "text"))
                problem(task.Id, "FieldType", "Form field '{0}' has type '{1}'; use string, text, long, double, boolean, date or enum.", field.Id, field.Type);
            if (field.Type == "enum" && field.Options.Count == 0)
                problem(task.Id, "FieldEnumEmpty", "Form field '{0}' is an enum without camunda:value options.", field.Id);
            foreach (var (name, config) in field.Constraints)
                if (FormConstraintProblem(field, name, config) is { } rule)
                    problem(task.Id, rule.Code, "Form field '{0}': " + rule.Format, [field.Id, name, config ?? "", field.Type]);
        }
    }

    /// <summary>
    /// Constraints are checked here so a form can never fail on a typo only when an officer submits it. The format's
    /// arguments after the field id: {1} constraint name, {2} its config, {3} the field's type.
    /// </summary>
    private static (string Code, string Format)? FormConstraintProblem(FormField field, string name, string? config) => name switch
    {
        "required" or "readonly" => null,
        "minlength" or "maxlength" when field.Type is "string" or "text" =>
            int.TryParse(config, out var n) && n >= 0 ? null : ("ConstraintWholeNumber", "constraint '{1}' needs a whole number config, not '{2}'."),
        "min" or "max" when field.Type is "long" or "double" =>
            double.TryParse(config, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? null : ("ConstraintNumber", "constraint '{1}' needs a number config, not '{2}'."),
        "min" or "max" when field.Type is "date" =>
            DateOnly.TryParseExact(config, "yyyy-MM-dd", out _) ? null : ("ConstraintDate", "constraint '{1}' needs a date config (yyyy-MM-dd), not '{2}'."),
        "minlength" or "maxlength" or "min" or "max" => ("ConstraintNotApplicable", "constraint '{1}' does not apply to a {3} field."),
        _ => ("ConstraintUnknown", "constraint '{1}' is not supported (use required, readonly, minlength, maxlength, min, max)."),
    };

    private void CheckServiceTask(ServiceTask service, Report problem)
    {
        if (service.HandlerName is { } handler && knownHandlers is not null && !knownHandlers.Contains(handler))
            problem(service.Id, "HandlerUnknown", "Service task handler '{0}' is not registered (known: {1}).", handler, string.Join(", ", knownHandlers.Order()));
        if (service.Expression is { } expression && expressions.Check(expression) is { Ok: false } check)
            problem(service.Id, "AttributeExpression", "camunda:{0}: {1}", "expression", check.Error ?? "");
        if (!RetryCycle.TryParse(service.RetryTimeCycle, out _, out var error))
            problem(service.Id, "RetryCycle", "camunda:failedJobRetryTimeCycle: {0}", error ?? "");
    }

    private void CheckTimer(string id, TimerDefinition timer, Report problem)
    {
        if (ExpressionEvaluator.IsExpression(timer.Text))
        {
            if (expressions.Check(timer.Text) is { Ok: false } check)
                problem(id, "Timer", "Timer: {0}", check.Error ?? "");
        }
        else if (!TimerParser.TryParse(timer.Kind, timer.Text, out _, out var error))
        {
            problem(id, "Timer", "Timer: {0}", error ?? "");
        }
    }

    private void CheckExclusive(ProcessModel model, ExclusiveGateway gateway, Report problem)
    {
        var outgoing = model.Outgoing(gateway.Id);
        if (outgoing.Count == 0)
            problem(gateway.Id, "GatewayNoOutgoing", "The exclusive gateway has no outgoing sequence flow.");
        if (gateway.DefaultFlowId is { } defaultId && outgoing.All(f => f.Id != defaultId))
            problem(gateway.Id, "DefaultNotOutgoing", "The default flow '{0}' is not an outgoing flow of this gateway.", defaultId);
        var unconditional = outgoing.Where(f => f.Condition is null && f.Id != gateway.DefaultFlowId).ToList();
        if (outgoing.Count > 1 && unconditional.Count > 0)
            problem(gateway.Id, "FlowsWithoutCondition", "Flows {0} leave the gateway without a condition; give each a condition or mark one as the default flow.", string.Join(", ", unconditional.Select(f => f.Id)));
        foreach (var flow in outgoing)
        {
            if (flow.Id == gateway.DefaultFlowId && flow.Condition is not null)
                problem(flow.Id, "DefaultHasCondition", "The default flow of a gateway cannot have a condition.");
            else if (flow.Condition is not null)
                CheckCondition(flow, problem);
        }
    }

    private void CheckCondition(SequenceFlow flow, Report problem)
    {
        if (!ExpressionEvaluator.IsExpression(flow.Condition))
            problem(flow.Id, "ConditionNotExpression", "The condition '{0}' must be an expression such as ${{approved == true}}.", flow.Condition ?? "");
        else if (expressions.Check(flow.Condition!) is { Ok: false } check)
            problem(flow.Id, "Condition", "Condition: {0}", check.Error ?? "");
    }

    private static void CheckEventGateway(ProcessModel model, FlowNode gateway, Report problem)
    {
        var outgoing = model.Outgoing(gateway.Id);
        if (outgoing.Count < 2)
            problem(gateway.Id, "EventGatewayTooFew", "An event-based gateway needs at least two outgoing flows.");
        foreach (var flow in outgoing)
        {
            if (!model.Nodes.TryGetValue(flow.TargetId, out var target))
                continue;
            if (target is not (IntermediateCatchEvent or ReceiveTask))
                problem(gateway.Id, "EventGatewayTarget", "An event-based gateway may only lead to timer or message catch events or receive tasks; '{0}' is a {1}.", target.Id, target.BpmnType);
            else if (model.Incoming(target.Id).Count != 1)
                problem(target.Id, "EventGatewaySoleIncoming", "An event after an event-based gateway must have that gateway as its only incoming flow.");
        }
    }
}
