namespace Lapor.Workflows.History;

/// <summary>
/// Which chain holds a task's events: a task is looked up by id alone after it ended (to say who completed it), and
/// packed records cannot be searched by task (decision 031). Written with the task's creation, never changed.
/// </summary>
internal sealed class HistoryTaskRow
{
    public required string TaskId { get; set; }
    public required string ChainId { get; set; }
}
