namespace Lapor.Workflows.Queries;

/// <summary>How many running instances of one version wait at one element.</summary>
public sealed record WaitCount(string DefinitionId, string ActivityId, int Instances);
