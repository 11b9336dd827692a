namespace Lapor.Workflows.Versions;

/// <summary>The element changes between two versions, and the ids whose shape only moved in the diagram.</summary>
public sealed record ProcessDiffResult(IReadOnlyList<ElementChange> Changes, IReadOnlySet<string> Moved)
{
    public bool IsEmpty => Changes.Count == 0 && Moved.Count == 0;
}
