using System.Xml.Linq;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Timers;

namespace Lapor.Workflows.Parsing;

/// <summary>Reads the flow elements of one process (recursing into sub-processes) into nodes and flows.</summary>
internal sealed class ElementReader(RootCatalog catalog, List<DefinitionProblem> problems)
{
    private static readonly XNamespace B = BpmnNames.Bpmn;
    private static readonly XNamespace C = BpmnNames.Camunda;

    public List<FlowNode> Nodes { get; } = [];
    public List<SequenceFlow> Flows { get; } = [];

    // Ids are unique across the process (sub-processes included): the model indexes nodes and flows by id.
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public void ReadScope(XElement container, string? scopeId)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != B)
                continue; // Other namespaces (diagram interchange, vendor extensions) carry no semantics for us.
            var name = element.Name.LocalName;
            if (BpmnNames.Descriptive.Contains(name))
                continue;
            var id = (string?)element.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                Problem(element, null, $"A <{name}> has no id.");
                continue;
            }
            if (!_ids.Add(id))
            {
                Problem(element, id, $"The id '{id}' is used by more than one element.");
                continue;
            }
            if (name == "sequenceFlow")
            {
                ReadFlow(element, id);
                continue;
            }
            RejectLoops(element, id);
            var node = ReadNode(element, name, id, scopeId);
            if (node is null)
                continue;
            Nodes.Add(node with
            {
                Name = (string?)element.Attribute("name"),
                ScopeId = scopeId,
                Properties = CamundaExtensions.Properties(element),
            });
            if (node is SubProcess)
                ReadScope(element, id);
        }
    }

    private FlowNode? ReadNode(XElement e, string name, string id, string? scopeId) => name switch
    {
        "startEvent" => ReadStart(e, id, scopeId),
        "endEvent" => ReadEnd(e, id),
        "userTask" => CamundaExtensions.ReadUserTask(e, id, problems),
        "serviceTask" => ReadServiceTask(e, id),
        "businessRuleTask" => ReadBusinessRuleTask(e, id),
        "receiveTask" => ReadReceiveTask(e, id),
        "manualTask" or "task" => new PassThroughTask { Id = id, ElementName = name },
        "intermediateThrowEvent" => ReadThrow(e, id),
        "exclusiveGateway" => new ExclusiveGateway { Id = id, DefaultFlowId = (string?)e.Attribute("default") },
        "parallelGateway" => new ParallelGateway { Id = id },
        "eventBasedGateway" => new EventBasedGateway { Id = id },
        "intermediateCatchEvent" => ReadCatch(e, id),
        "boundaryEvent" => ReadBoundary(e, id),
        "subProcess" when (string?)e.Attribute("triggeredByEvent") == "true" =>
            Unsupported(e, id, "An event sub-process (triggeredByEvent=\"true\") is not supported; use a boundary event on an embedded sub-process."),
        "subProcess" => new SubProcess { Id = id },
        _ => Unsupported(e, id, $"<{name}> is not supported by the Lapor engine (supported: start/end events, user, service, business rule, receive, manual tasks, exclusive, parallel and event-based gateways, timer and message catch events, boundary events, embedded sub-processes)."),
    };

    private FlowNode? ReadStart(XElement e, string id, string? scopeId)
    {
        var definitions = EventDefinitions(e);
        if (definitions.Count == 0)
            return new StartEvent { Id = id };
        if (definitions is [{ Name.LocalName: "messageEventDefinition" } message] && scopeId is null)
            return MessageName(message, id) is { } messageName ? new StartEvent { Id = id, MessageName = messageName } : null;
        return Unsupported(e, id, $"A start event with {Describe(definitions)} is not supported{(scopeId is null ? "" : " inside a sub-process")}; use a none or message start event.");
    }

    private FlowNode? ReadEnd(XElement e, string id)
    {
        var definitions = EventDefinitions(e);
        switch (definitions)
        {
            case []:
                return new EndEvent { Id = id, Kind = EndEventKind.None };
            case [{ Name.LocalName: "terminateEventDefinition" }]:
                return new EndEvent { Id = id, Kind = EndEventKind.Terminate };
            case [{ Name.LocalName: "errorEventDefinition" } error]:
                return new EndEvent { Id = id, Kind = EndEventKind.Error, Code = ErrorCode(error, id, required: true) };
            case [{ Name.LocalName: "escalationEventDefinition" } escalation]:
                return new EndEvent { Id = id, Kind = EndEventKind.Escalation, Code = EscalationCode(escalation, id, required: true) };
            default:
                return Unsupported(e, id, $"An end event with {Describe(definitions)} is not supported; use none, terminate, error or escalation.");
        }
    }

    private FlowNode? ReadThrow(XElement e, string id)
    {
        var definitions = EventDefinitions(e);
        return definitions.Count == 0
            ? new PassThroughTask { Id = id, ElementName = "intermediateThrowEvent" }
            : Unsupported(e, id, $"An intermediate throw event with {Describe(definitions)} is not supported.");
    }

    private FlowNode? ReadServiceTask(XElement e, string id)
    {
        if (e.Attribute(C + "class") is not null)
            return Unsupported(e, id, "camunda:class is not supported: register a named handler and use camunda:delegateExpression=\"${name}\" or camunda:type=\"name\".");
        var type = (string?)e.Attribute(C + "type");
        if (type == "external")
            return Unsupported(e, id, "External tasks (camunda:type=\"external\") are not supported; use a named handler.");
        var handler = type ?? StripExpression((string?)e.Attribute(C + "delegateExpression"));
        var expression = (string?)e.Attribute(C + "expression");
        if (handler is null && expression is null)
            Problem(e, id, "A service task needs camunda:delegateExpression=\"${handlerName}\", camunda:type=\"handlerName\" or camunda:expression.", "ServiceTaskNoHandler");
        return new ServiceTask
        {
            Id = id,
            HandlerName = handler,
            Expression = expression,
            ResultVariable = (string?)e.Attribute(C + "resultVariable"),
            AsyncBefore = (string?)e.Attribute(C + "asyncBefore") == "true" || (string?)e.Attribute(C + "async") == "true",
            RetryTimeCycle = CamundaExtensions.RetryTimeCycle(e) ?? ServiceTask.DefaultRetryTimeCycle,
        };
    }

    private FlowNode? ReadBusinessRuleTask(XElement e, string id)
    {
        if (e.Attribute(C + "class") is not null || e.Attribute(C + "delegateExpression") is not null || e.Attribute(C + "expression") is not null)
            return Unsupported(e, id, "A business rule task evaluates a DMN decision: use camunda:decisionRef, not a class or expression.");
        var key = ((string?)e.Attribute(C + "decisionRef"))?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            Problem(e, id, "A business rule task needs camunda:decisionRef naming the decision (the DMN decision id).");
            return null;
        }
        var bindingText = ((string?)e.Attribute(C + "decisionRefBinding"))?.Trim() ?? "latest";
        DecisionBinding? binding = bindingText switch
        {
            "latest" => DecisionBinding.Latest,
            "version" => DecisionBinding.Version,
            "deployment" => DecisionBinding.Deployment,
            _ => null,
        };
        if (binding is null)
            Problem(e, id, $"camunda:decisionRefBinding '{bindingText}' is not supported (use latest, version or deployment).");
        int? version = null;
        if (binding == DecisionBinding.Version)
        {
            var versionText = (string?)e.Attribute(C + "decisionRefVersion");
            if (int.TryParse(versionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0)
                version = v;
            else
                Problem(e, id, $"camunda:decisionRefBinding=\"version\" needs camunda:decisionRefVersion as a whole number from 1, not '{versionText}'.");
        }
        var mapping = ((string?)e.Attribute(C + "mapDecisionResult"))?.Trim() ?? DecisionResultMapping.ResultList;
        if (!DecisionResultMapping.Names.Contains(mapping))
            Problem(e, id, $"camunda:mapDecisionResult '{mapping}' is not one of {string.Join(", ", DecisionResultMapping.Names)}.");
        var resultVariable = ((string?)e.Attribute(C + "resultVariable"))?.Trim();
        return new ServiceTask
        {
            Id = id,
            Decision = new DecisionReference(key, binding ?? DecisionBinding.Latest, version, string.IsNullOrEmpty(resultVariable) ? null : resultVariable, mapping),
            AsyncBefore = (string?)e.Attribute(C + "asyncBefore") == "true" || (string?)e.Attribute(C + "async") == "true",
            RetryTimeCycle = CamundaExtensions.RetryTimeCycle(e) ?? ServiceTask.DefaultRetryTimeCycle,
        };
    }

    private FlowNode? ReadReceiveTask(XElement e, string id)
    {
        var messageRef = (string?)e.Attribute("messageRef");
        if (messageRef is null)
            return Unsupported(e, id, "A receive task needs a messageRef naming the message it waits for.");
        return ResolveMessage(e, id, messageRef) is { } name ? new ReceiveTask { Id = id, MessageName = name } : null;
    }

    private FlowNode? ReadCatch(XElement e, string id)
    {
        var definitions = EventDefinitions(e);
        return definitions switch
        {
            [{ Name.LocalName: "timerEventDefinition" } timer] =>
                ReadTimer(timer, id) is { } t ? new IntermediateCatchEvent { Id = id, Timer = t } : null,
            [{ Name.LocalName: "messageEventDefinition" } message] =>
                MessageName(message, id) is { } m ? new IntermediateCatchEvent { Id = id, MessageName = m } : null,
            _ => Unsupported(e, id, $"An intermediate catch event with {Describe(definitions)} is not supported; use a timer or message."),
        };
    }

    private FlowNode? ReadBoundary(XElement e, string id)
    {
        var attachedTo = (string?)e.Attribute("attachedToRef");
        if (attachedTo is null)
            return Unsupported(e, id, "A boundary event needs attachedToRef.");
        var cancel = (string?)e.Attribute("cancelActivity") != "false";
        var definitions = EventDefinitions(e);
        var boundary = new BoundaryEvent { Id = id, AttachedToId = attachedTo, CancelActivity = cancel, Kind = BoundaryEventKind.Timer };
        return definitions switch
        {
            [{ Name.LocalName: "timerEventDefinition" } timer] =>
                ReadTimer(timer, id) is { } t ? boundary with { Timer = t } : null,
            [{ Name.LocalName: "messageEventDefinition" } message] =>
                MessageName(message, id) is { } m ? boundary with { Kind = BoundaryEventKind.Message, MessageName = m } : null,
            [{ Name.LocalName: "errorEventDefinition" } error] =>
                boundary with { Kind = BoundaryEventKind.Error, CancelActivity = true, Code = ErrorCode(error, id, required: false) },
            [{ Name.LocalName: "escalationEventDefinition" } escalation] =>
                boundary with { Kind = BoundaryEventKind.Escalation, Code = EscalationCode(escalation, id, required: false) },
            _ => Unsupported(e, id, $"A boundary event with {Describe(definitions)} is not supported; use timer, message, error or escalation."),
        };
    }

    private TimerDefinition? ReadTimer(XElement timer, string id)
    {
        var parts = timer.Elements().Where(x => x.Name.Namespace == B).ToList();
        if (parts is not [var part])
        {
            Problem(timer, id, "A timer needs exactly one of timeDate, timeDuration or timeCycle.", "TimerNeedsOne");
            return null;
        }
        TimerKind? kind = part.Name.LocalName switch
        {
            "timeDate" => TimerKind.Date,
            "timeDuration" => TimerKind.Duration,
            "timeCycle" => TimerKind.Cycle,
            _ => null,
        };
        var text = part.Value.Trim();
        if (kind is null || text.Length == 0)
        {
            Problem(timer, id, kind is null ? $"<{part.Name.LocalName}> is not a timer definition." : $"The timer's <{part.Name.LocalName}> is empty.");
            return null;
        }
        return new TimerDefinition(kind.Value, text);
    }

    private void ReadFlow(XElement e, string id)
    {
        var source = (string?)e.Attribute("sourceRef");
        var target = (string?)e.Attribute("targetRef");
        if (source is null || target is null)
        {
            Problem(e, id, "A sequence flow needs both sourceRef and targetRef.", "FlowEnds");
            return;
        }
        var condition = e.Element(B + "conditionExpression")?.Value.Trim();
        Flows.Add(new SequenceFlow(id, (string?)e.Attribute("name"), source, target, string.IsNullOrEmpty(condition) ? null : condition));
    }

    private void RejectLoops(XElement e, string id)
    {
        if (e.Element(B + "multiInstanceLoopCharacteristics") is not null)
            Problem(e, id, "Multi-instance activities are not supported yet.");
        if (e.Element(B + "standardLoopCharacteristics") is not null)
            Problem(e, id, "Loop activities are not supported; model the loop with a gateway.");
    }

    private string? MessageName(XElement definition, string id)
    {
        var messageRef = (string?)definition.Attribute("messageRef");
        if (messageRef is not null)
            return ResolveMessage(definition, id, messageRef);
        Problem(definition, id, "A message event needs a messageRef.", "MessageRefMissing");
        return null;
    }

    private string? ResolveMessage(XElement e, string id, string messageRef)
    {
        if (catalog.MessageNames.TryGetValue(messageRef, out var name))
            return name;
        Problem(e, id, $"messageRef '{messageRef}' does not name a <message> of this file.");
        return null;
    }

    private string? ErrorCode(XElement definition, string id, bool required) =>
        Code(definition, id, "errorRef", catalog.ErrorCodes, "error", required);

    private string? EscalationCode(XElement definition, string id, bool required) =>
        Code(definition, id, "escalationRef", catalog.EscalationCodes, "escalation", required);

    private string? Code(XElement definition, string id, string attribute, IReadOnlyDictionary<string, string?> codes, string kind, bool required)
    {
        var reference = (string?)definition.Attribute(attribute);
        if (reference is null)
        {
            if (required)
                Problem(definition, id, $"A throwing {kind} event needs {attribute}.");
            return null;
        }
        if (codes.TryGetValue(reference, out var code))
            return code ?? reference;
        Problem(definition, id, $"{attribute} '{reference}' does not name an <{kind}> of this file.");
        return null;
    }

    private static List<XElement> EventDefinitions(XElement e) =>
        e.Elements().Where(x => x.Name.Namespace == B && x.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();

    private static string Describe(List<XElement> definitions) =>
        string.Join(" and ", definitions.Select(d => d.Name.LocalName));

    private static string? StripExpression(string? text) =>
        text is not null && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}') ? text[2..^1].Trim() : text;

    /// <summary>The element's BPMN name and the English advice are the arguments: a host can name both in its language.</summary>
    private FlowNode? Unsupported(XElement e, string id, string message)
    {
        Problem(e, id, message, "Unsupported", e.Name.LocalName, message);
        return null;
    }

    private void Problem(XElement e, string? id, string message, string? code = null, params string[] arguments) =>
        problems.Add(new(id, message, BpmnParser.LineOf(e)) { Code = code, Arguments = arguments });
}
