namespace Lapor.Domain.Reports;

/// <summary>Whether a report is still being handled. Finer progress lives in <see cref="Report.Stage"/>.</summary>
public enum ReportStatus
{
    Open,

    /// <summary>
    /// Answered; the reporter may confirm (and rate) or reopen until the process closes it (confirmation or the end
    /// of the quiet period). Not closed: nothing is final while the reporter can still send it back.
    /// </summary>
    AwaitingConfirmation,

    Closed,
}
