namespace Lapor.Workflows.Queries;

/// <summary>The kinds of task in a list and its number of tasks, counted up to a limit (<see cref="TaskList.KindsAsync(int, CancellationToken)"/>).</summary>
/// <param name="Kinds">Each with its count when <paramref name="More"/> is false; when it is true, every kind among the open tasks, uncounted.</param>
/// <param name="Count">The number of tasks; when <paramref name="More"/> is true, the limit, which the list exceeds.</param>
public sealed record TaskKindsUpTo(IReadOnlyList<TaskKind> Kinds, int Count, bool More);
