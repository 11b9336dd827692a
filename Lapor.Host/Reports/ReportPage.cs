namespace Lapor.Host.Reports;

/// <summary>One page of a list, with what paging controls need.</summary>
/// <param name="Total">The number of matches, or the count limit when <see cref="MoreThanTotal"/>.</param>
public sealed record ReportPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>There are more matches than <see cref="Total"/>: the list stopped counting there.</summary>
    public bool MoreThanTotal { get; init; }

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}
