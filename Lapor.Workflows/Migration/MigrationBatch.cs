namespace Lapor.Workflows.Migration;

/// <summary>
/// A migration of many instances as the operator follows it: the versions, how far the sweep got and which cases it
/// could not move. Times are UTC.
/// </summary>
public sealed record MigrationBatch
{
    public required string Id { get; init; }
    public required string ProcessKey { get; init; }
    public required string SourceDefinitionId { get; init; }
    public required string TargetDefinitionId { get; init; }
    public int Total { get; init; }
    public int Position { get; init; }
    public int Done { get; init; }
    public int Failed { get; init; }
    public IReadOnlyList<MigrationFailure> Failures { get; init; } = [];
    public MigrationBatchState State { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? EndedAt { get; init; }
}
