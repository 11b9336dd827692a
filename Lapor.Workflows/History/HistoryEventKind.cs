namespace Lapor.Workflows.History;

/// <summary>What a history row records. The journal is append-only: an activity's end is a second row, not an update.</summary>
public enum HistoryEventKind
{
    InstanceStarted,
    InstanceEnded,
    ActivityStarted,
    ActivityEnded,
    TaskCreated,
    TaskCompleted,
    TaskDeleted,
    TaskUpdated,
    VariableSet,
    UserOperation,
    JobFailed,
    IncidentRaised,
    IncidentResolved,
    Deployment,

    /// <summary>A business rule task evaluated a decision: inputs, matched rules and outputs in <see cref="HistoryEventRow.Detail"/>.</summary>
    DecisionEvaluated,
}
