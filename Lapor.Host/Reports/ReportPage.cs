namespace Lapor.Host.Reports;

/// <summary>One page of a list, with what paging controls need.</summary>
public sealed record ReportPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}
