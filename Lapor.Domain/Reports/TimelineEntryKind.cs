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

    /// <summary>On a duplicate: it was joined to another report, whose answer it receives from then on.</summary>
    MergedInto,

    /// <summary>On the primary: another reporter's duplicate was joined to it (which one is not said: it may be confidential).</summary>
    DuplicateLinked,
}
