namespace Lapor.Host.Audit.Performance;

/// <summary>A figure of the dashboard whose cases can be listed; see docs/decisions/009-performance-figures.md.</summary>
public enum Figure
{
    Received,
    Verified,
    Completed,
    Answered,
    OnTime,
    Late,
    Forwarded,
    ClosedFirst,
    Reopened,
    Rated,
    CompletionBase,
    CompletionDone,
    Backlog0To5,
    Backlog6To10,
    Backlog11To20,
    BacklogOver20,
}
