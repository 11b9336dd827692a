using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Runtime;

/// <summary>Start the latest version of <see cref="Key"/> (or exactly <see cref="DefinitionId"/>).</summary>
public sealed record StartRequest(string? Key, string? BusinessKey = null, IReadOnlyDictionary<string, TypedValue>? Variables = null)
{
    public string? DefinitionId { get; init; }

    /// <summary>A message start event to start at instead of the none start event.</summary>
    public string? StartEventId { get; init; }
}
