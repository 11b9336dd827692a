namespace Lapor.Workflows.Runtime;

/// <summary>One published version of a process as the designer lists it: who deployed it, when, from where and why.</summary>
public sealed record ProcessVersion(
    string DefinitionId, string Key, int Version, string? Name, DateTime DeployedAt, string? DeployedBy, string? Comment, string? Source);
