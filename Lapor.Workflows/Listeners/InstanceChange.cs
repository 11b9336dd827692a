using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Listeners;

/// <summary>
/// What one command did to one instance: where it now waits (innermost last), which nodes it completed (in order),
/// and whether it ended. Nodes carry their <c>camunda:properties</c>, e.g. the citizen-readable stage.
/// <see cref="TasksCreated"/> are the human tasks this command created (a task still waiting from an earlier command is
/// in <see cref="WaitingAt"/> but not here), so a listener can tell people about new work exactly once.
/// <see cref="Entered"/> are the nodes this command entered, in order (so a listener can tell a wait it just reached
/// from one that merely goes on, e.g. while a reminder fires beside it).
/// </summary>
public sealed record InstanceChange(
    string ProcessInstanceId,
    string? BusinessKey,
    string ProcessDefinitionKey,
    InstanceStatus Status,
    IReadOnlyList<FlowNode> WaitingAt,
    IReadOnlyList<FlowNode> Completed,
    IReadOnlyDictionary<string, object?> Variables,
    string? Actor,
    DateTimeOffset At)
{
    public IReadOnlyList<NewHumanTask> TasksCreated { get; init; } = [];

    public IReadOnlyList<FlowNode> Entered { get; init; } = [];
}
