using Lapor.Domain.Reports;

namespace Lapor.Host.Inbox;

/// <summary>
/// What the inbox page asks for; the page size is clamped by <see cref="TaskInbox"/>. Every filter only narrows what
/// the user may already see: they are added to the visibility query, never applied instead of it.
/// </summary>
/// <param name="DueBy">Tasks due on or before this day (in the business calendar's zone).</param>
/// <param name="CreatedAfter">Tasks created after this moment: the "new since you last looked" of the notifications.</param>
public sealed record InboxFilter(
    InboxView View = InboxView.All,
    string? TaskKey = null,
    string? Search = null,
    int Page = 1,
    int PageSize = 25,
    string? Stage = null,
    string? Category = null,
    ReportType? Type = null,
    DateOnly? DueBy = null,
    InboxSort Sort = InboxSort.Due,
    DateTimeOffset? CreatedAfter = null);
