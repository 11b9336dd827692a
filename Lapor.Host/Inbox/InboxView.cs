namespace Lapor.Host.Inbox;

/// <summary>The tabs of the inbox; each narrows what the user may already see, never widens it.</summary>
public enum InboxView
{
    All,
    Mine,
    Unassigned,
    Overdue,
    DueSoon,
}
