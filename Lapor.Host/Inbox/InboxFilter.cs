namespace Lapor.Host.Inbox;

/// <summary>What the inbox page asks for; the page size is clamped by <see cref="TaskInbox"/>.</summary>
public sealed record InboxFilter(InboxView View = InboxView.All, string? TaskKey = null, string? Search = null, int Page = 1, int PageSize = 25);
