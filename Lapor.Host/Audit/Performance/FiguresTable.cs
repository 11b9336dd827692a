namespace Lapor.Host.Audit.Performance;

/// <summary>The dashboard's figures as one flat table, the same numbers the page shows, for CSV and XLSX.</summary>
public static class FiguresTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "period", "agency_code", "agency_name", "rank", "received", "verified", "completed", "completion_rate",
        "answered", "on_time", "late", "on_time_share", "median_response_working_days", "p90_response_working_days",
        "backlog_0_5", "backlog_6_10", "backlog_11_20", "backlog_over_20", "forwarded", "closed_first", "reopened",
        "reopen_rate", "ratings", "average_rating",
    ];

    public static ExportTable Build(PerformanceReport report, IReadOnlyDictionary<string, string> names) =>
        new("figures", Columns, report.Agencies.Append(report.Total).Select(a => Row(report, a, names)).ToList());

    private static IReadOnlyList<object?> Row(PerformanceReport report, AgencyFigures a, IReadOnlyDictionary<string, string> names) =>
    [
        report.Period.Code, a.AgencyCode, a.AgencyCode == AgencyFigures.AllAgencies ? "Semua instansi" : names.GetValueOrDefault(a.AgencyCode, a.AgencyCode),
        a.Rank, a.Count(Figure.Received), a.Count(Figure.Verified), a.Count(Figure.Completed), a.CompletionRate,
        a.Count(Figure.Answered), a.Count(Figure.OnTime), a.Count(Figure.Late), a.OnTimeShare, a.MedianResponseDays, a.Percentile90ResponseDays,
        a.Count(Figure.Backlog0To5), a.Count(Figure.Backlog6To10), a.Count(Figure.Backlog11To20), a.Count(Figure.BacklogOver20),
        a.Count(Figure.Forwarded), a.Count(Figure.ClosedFirst), a.Count(Figure.Reopened), a.ReopenRate, a.Stars.Count, a.AverageRating,
    ];
}
