namespace Lapor.Domain.Reports;

/// <summary>Whether a report is still being handled. Finer progress lives in <see cref="Report.Stage"/>.</summary>
public enum ReportStatus
{
    Open,
    Closed,
}
