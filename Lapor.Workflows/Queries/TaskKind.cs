namespace Lapor.Workflows.Queries;

/// <summary>A kind of open task (its user task's id in the process) with the name it shows.</summary>
public sealed record TaskKind(string Key, string Name);
