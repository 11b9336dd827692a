namespace Lapor.Workflows.Persistence;

public sealed class DeploymentRow
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Source { get; set; }
    public DateTime DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
}
