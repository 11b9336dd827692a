namespace Lapor.Domain.Reports;

/// <summary>What happened in one step of a report's public timeline.</summary>
public enum TimelineEntryKind
{
    Submitted,
    Disposed,
    Forwarded,
    StageChanged,
    PublicResponse,
    ReporterReply,
    InformationRequested,
    Explanation,
    AwaitingConfirmation,
    Closed,
    Reopened,
    Rated,
}
