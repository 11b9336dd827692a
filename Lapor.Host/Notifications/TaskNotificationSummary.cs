using Lapor.Host.Inbox;

namespace Lapor.Host.Notifications;

/// <summary>The notification page's three groups, each a first page of the inbox with its total.</summary>
/// <param name="SeenBefore">The previous visit, which "new" counts from; null when the user never opened the page.</param>
public sealed record TaskNotificationSummary(DateTimeOffset? SeenBefore, InboxPage New, InboxPage DueSoon, InboxPage Overdue);
