namespace Lapor.Workflows.Queries;

/// <summary>
/// Sort keys of the task history. <see cref="Assignee"/>, <see cref="Owner"/>, <see cref="Priority"/>,
/// <see cref="DueDate"/> and <see cref="Duration"/> live in the rows' JSON snapshot or are computed, so lists sorted by
/// them are filtered in SQL but sorted and paged after reading; every other key is sorted and paged by the database.
/// </summary>
public enum HistoricTaskSort { StartTime, EndTime, Duration, TaskId, TaskName, Assignee, Owner, Priority, DueDate, TaskDefinitionKey, DeleteReason }
