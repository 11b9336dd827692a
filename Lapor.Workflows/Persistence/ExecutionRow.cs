using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Persistence;

/// <summary>A waiting token of a running instance (Camunda: execution).</summary>
internal sealed class ExecutionRow
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public string? ScopeExecutionId { get; set; }
    public TokenState State { get; set; }
}
