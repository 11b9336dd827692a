namespace Lapor.Workflows.Queries;

/// <summary>
/// Which part of a sorted history list to read. <see cref="Skip"/>/<see cref="Take"/> are Camunda's
/// firstResult/maxResults (OFFSET/LIMIT in SQL); <see cref="After"/> is keyset paging for long lists, where an offset
/// would make the database walk every skipped row: the next page starts after the last item the caller saw.
/// </summary>
public sealed record HistoryPage
{
    public static HistoryPage All { get; } = new();

    public int? Skip { get; init; }

    public int? Take { get; init; }

    /// <summary>Only items after this one in the list's order; only for lists sorted by time (the default).</summary>
    public HistoryCursor? After { get; init; }
}
