namespace Lapor.Workflows.Persistence;

/// <summary>A process variable, stored as invariant text with its Camunda type name.</summary>
internal sealed class VariableRow
{
    public required string InstanceId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public string? Value { get; set; }
}
