namespace Lapor.Host.Audit.Performance;

/// <summary>
/// A month in which a report counts in some figure (decision 035): a mark of it falls in that month, or it was held
/// open at that month's end by a run that has since ended. The drill-down reads the reports of a period's months, and
/// of the open stays, and computes their figures; the dashboard's numbers come from the tallies.
/// </summary>
public sealed record PerformanceMonth(Guid ReportId, int Month)
{
    /// <summary>The key of a month: 202611 for November 2026.</summary>
    public static int KeyOf(Period month) => month.Year * 100 + month.Index;
}
