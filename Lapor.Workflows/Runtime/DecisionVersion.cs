namespace Lapor.Workflows.Runtime;

/// <summary>Which deployed version of a decision a business rule task evaluates: its id, key and version number.</summary>
internal sealed record DecisionVersion(string Id, string Key, int Version);
