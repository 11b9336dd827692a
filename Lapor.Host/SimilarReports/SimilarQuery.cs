namespace Lapor.Host.SimilarReports;

/// <summary>
/// What to look for: the words of a title, optionally narrowed to a category and to the area around a point.
/// <paramref name="Exclude"/> leaves one report out (the officer's own, on the task page).
/// </summary>
public sealed record SimilarQuery(IReadOnlyList<string> Terms, string? CategoryCode, AreaBox? Area, Guid? Exclude, int Limit)
{
    /// <summary>At most this many suggestions: enough to spot the duplicate, few enough to read on a phone.</summary>
    public const int DefaultLimit = 5;
}
