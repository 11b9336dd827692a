namespace Lapor.Workflows.Queries;

/// <summary>A numbered page of a task list and the list's number of tasks, counted up to a limit (<see cref="TaskList.CountedPageAsync"/>).</summary>
/// <param name="Count">The number of tasks; when <paramref name="More"/> is true, the limit, which the list exceeds.</param>
public sealed record TaskPageUpTo(IReadOnlyList<TaskSummary> Page, int Count, bool More);
