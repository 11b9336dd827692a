namespace Lapor.Workflows.Queries;

/// <summary>An incident not yet resolved: where the instance is stuck and why.</summary>
public sealed record OpenIncident
{
    public required string ActivityId { get; init; }
    public required string ActivityInstanceId { get; init; }
    public required string Message { get; init; }
}
