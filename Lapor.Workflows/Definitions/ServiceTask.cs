namespace Lapor.Workflows.Definitions;

/// <summary>
/// An automated step. <see cref="HandlerName"/> names a handler registered in DI (from <c>camunda:type</c> or
/// <c>camunda:delegateExpression="${name}"</c>); alternatively <see cref="Expression"/> is evaluated and stored in
/// <see cref="ResultVariable"/>.
/// </summary>
public sealed record ServiceTask : FlowNode
{
    public string? HandlerName { get; init; }
    public string? Expression { get; init; }
    public string? ResultVariable { get; init; }

    /// <summary><c>camunda:failedJobRetryTimeCycle</c>, e.g. <c>R3/PT5M</c>: attempts in total and the pause between them.</summary>
    public string RetryTimeCycle { get; init; } = DefaultRetryTimeCycle;

    public bool AsyncBefore { get; init; }
    public override string BpmnType => "serviceTask";
    public override bool IsActivity => true;

    public const string DefaultRetryTimeCycle = "R3/PT5M";
}
