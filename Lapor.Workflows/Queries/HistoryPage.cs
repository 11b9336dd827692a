namespace Lapor.Workflows.Queries;

/// <summary>
/// Which part of a sorted history list to read. <see cref="Skip"/>/<see cref="Take"/> are Camunda's
/// firstResult/maxResults; <see cref="After"/> is keyset paging: the next page starts after the last item the caller
/// saw, so items written between two reads do not shift the pages.
/// </summary>
public sealed record HistoryPage
{
    public static HistoryPage All { get; } = new();

    public int? Skip { get; init; }

    public int? Take { get; init; }

    /// <summary>Only items after this one in the list's order; only for lists sorted by time (the default).</summary>
    public HistoryCursor? After { get; init; }
}
