namespace Lapor.Workflows.Queries;

/// <summary>How many instances of one process version are running, and how many of those are suspended.</summary>
public sealed record VersionLoad(string DefinitionId, int Running, int Suspended);
