using Lapor.Host.Inbox;

namespace Lapor.Host.Pages.Notifications;

/// <summary>One group of the notification page, with the inbox filter that shows all of it.</summary>
public sealed record NotificationGroup(string Key, string Heading, string? Explanation, InboxPage Tasks, IDictionary<string, string> InboxRoute);
