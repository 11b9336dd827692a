namespace Lapor.Host.Notifications;

/// <summary>
/// When a user last opened the notification page: tasks created after it are "new" to them. One row per user, kept
/// apart from the Identity user so marking it never touches the account's security stamp or concurrency token.
/// </summary>
public sealed class NotificationsSeen
{
    private NotificationsSeen()
    {
    }

    public NotificationsSeen(string userName, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        UserName = userName;
        At = at;
    }

    public string UserName { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>Never moves back: a page opened in an older tab must not make seen tasks new again.</summary>
    public void SeenAgain(DateTimeOffset at)
    {
        if (at > At)
            At = at;
    }
}
