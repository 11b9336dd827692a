namespace Lapor.Host.Audit.Viewer;

/// <summary>One step of an instance's journal, from one history row.</summary>
/// <param name="Stage">The case stage in effect: the <c>stage</c> property of the last node entered that has one.</param>
/// <param name="Duration">For an end: time since the matching start (activity) or creation (task).</param>
public sealed record JournalStep(
    long Seq,
    DateTimeOffset Time,
    string Kind,
    string? NodeId,
    string? NodeName,
    string? Stage,
    string? Actor,
    TimeSpan? Duration,
    string? Variables,
    string? Comment)
{
    /// <summary>For a business rule task's evaluation: what the decision table saw, which rules matched, what it gave.</summary>
    public Lapor.Workflows.Decisions.DecisionHistory? Decision { get; init; }

    /// <summary>The filter group: activity, task, variable, operation, incident, instance.</summary>
    public string Group => Kind switch
    {
        "ActivityStarted" or "ActivityEnded" or "DecisionEvaluated" => "activity",
        "TaskCreated" or "TaskCompleted" or "TaskDeleted" or "TaskUpdated" => "task",
        "VariableSet" => "variable",
        "UserOperation" => "operation",
        "JobFailed" or "IncidentRaised" or "IncidentResolved" => "incident",
        _ => "instance",
    };
}
