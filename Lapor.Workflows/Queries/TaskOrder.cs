namespace Lapor.Workflows.Queries;

/// <summary>The orders a task list can be read in; each ends on the task id, so pages and cursors are stable.</summary>
public enum TaskOrder
{
    /// <summary>Earliest due first, tasks without a due date last (nobody waits on them), then oldest first.</summary>
    Due,

    /// <summary>Higher priority first, as the engine (and Camunda) rank it; ties by due date.</summary>
    Priority,

    /// <summary>Most recently created first.</summary>
    Newest,
}
