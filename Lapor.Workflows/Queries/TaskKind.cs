namespace Lapor.Workflows.Queries;

/// <summary>A kind of open task (its user task's id in the process) with the name it shows.</summary>
/// <param name="Count">How many tasks of the list are of this kind.</param>
public sealed record TaskKind(string Key, string Name, int Count = 0);
