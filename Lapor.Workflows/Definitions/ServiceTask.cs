namespace Lapor.Workflows.Definitions;

/// <summary>
/// An automated step. <see cref="HandlerName"/> names a handler registered in DI (from <c>camunda:type</c> or
/// <c>camunda:delegateExpression="${name}"</c>); alternatively <see cref="Expression"/> is evaluated and stored in
/// <see cref="ResultVariable"/>. A business rule task is a service task whose work is evaluating <see cref="Decision"/>:
/// it retries and raises incidents the same way.
/// </summary>
public sealed record ServiceTask : FlowNode
{
    public string? HandlerName { get; init; }
    public string? Expression { get; init; }
    public string? ResultVariable { get; init; }

    /// <summary>Set for a <c>businessRuleTask</c>: the decision evaluated instead of a handler.</summary>
    public DecisionReference? Decision { get; init; }

    /// <summary><c>camunda:failedJobRetryTimeCycle</c>, e.g. <c>R3/PT5M</c>: attempts in total and the pause between them.</summary>
    public string RetryTimeCycle { get; init; } = DefaultRetryTimeCycle;

    public bool AsyncBefore { get; init; }
    public override string BpmnType => Decision is null ? "serviceTask" : "businessRuleTask";
    public override bool IsActivity => true;

    public const string DefaultRetryTimeCycle = "R3/PT5M";
}
