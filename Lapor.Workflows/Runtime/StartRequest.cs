using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Runtime;

/// <summary>Start the latest version of <see cref="Key"/> (or exactly <see cref="DefinitionId"/>).</summary>
public sealed record StartRequest(string? Key, string? BusinessKey = null, IReadOnlyDictionary<string, TypedValue>? Variables = null)
{
    public string? DefinitionId { get; init; }

    /// <summary>A message start event to start at instead of the none start event.</summary>
    public string? StartEventId { get; init; }

    /// <summary>
    /// The caller's own grouping of the instance (for Lapor, the report's category), fixed for its life and copied onto
    /// each of its tasks and their candidates, so a task list narrowed to it (<see cref="Queries.TaskList.InCategory"/>)
    /// is read from an index rather than by joining the caller's tables. Flowable calls the same a task's category.
    /// </summary>
    public string? Category { get; init; }
}
