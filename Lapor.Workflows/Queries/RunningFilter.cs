namespace Lapor.Workflows.Queries;

/// <summary>Which running instances of a process to list: optionally one version, optionally those waiting at one element.</summary>
public sealed record RunningFilter
{
    public required string ProcessKey { get; init; }
    public string? DefinitionId { get; init; }
    public string? ActivityId { get; init; }
}
