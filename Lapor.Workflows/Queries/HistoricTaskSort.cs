namespace Lapor.Workflows.Queries;

/// <summary>
/// Sort keys of the task history. <see cref="Assignee"/>, <see cref="Owner"/>, <see cref="Priority"/> and
/// <see cref="DueDate"/> come from the task's latest snapshot, <see cref="Duration"/> is computed; text keys sort
/// ordinally, and tasks equal on the key keep the order they were created in.
/// </summary>
public enum HistoricTaskSort { StartTime, EndTime, Duration, TaskId, TaskName, Assignee, Owner, Priority, DueDate, TaskDefinitionKey, DeleteReason }
