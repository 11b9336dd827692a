namespace Lapor.Workflows.Persistence;

internal sealed class DeploymentRow
{
    public const int MaxCommentLength = 1000;

    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Source { get; set; }
    public DateTime DeployedAt { get; set; }
    public string? DeployedBy { get; set; }

    /// <summary>Why this deployment was made, as its publisher wrote it.</summary>
    public string? Comment { get; set; }
}
