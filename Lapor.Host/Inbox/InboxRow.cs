namespace Lapor.Host.Inbox;

/// <summary>
/// One open task as an officer reads it. Deliberately without the reporter: the inbox is seen by agencies, and an
/// anonymous reporter must stay anonymous to them.
/// </summary>
public sealed record InboxRow(
    string TaskId,
    string? Name,
    string TaskKey,
    string? ReportTitle,
    string? TrackingCode,
    string? Stage,
    string? Assignee,
    DateTimeOffset? Due,
    int? RemainingWorkingDays,
    bool IsOverdue,
    int Priority,
    DateTimeOffset? FollowUp,
    string? Owner = null,
    bool IsDelegated = false)
{
    /// <summary>The delegatee may hand the task back to its owner (resolve) but not complete it.</summary>
    public bool AwaitsResolution(string? userName) => IsDelegated && Assignee is not null && Assignee == userName;
}
