using System.Security.Claims;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Notifications;

/// <summary>
/// New, due-soon and overdue tasks per user, for the badge in the menu and the notification page. Everything starts from
/// <see cref="TaskInbox.VisibleTo"/>, so a notification can never point at a task the inbox would hide.
/// </summary>
public sealed class TaskNotifications(LaporDb db, TaskInbox inbox, TimeProvider clock)
{
    /// <summary>How many rows each group of the page shows; the link to the inbox shows the rest.</summary>
    public const int GroupSize = 10;

    /// <summary>The badge shows "99+" beyond this, so counting stops there (see <see cref="CountAsync"/>).</summary>
    public const int BadgeCap = 100;

    /// <summary>
    /// The badge: tasks that are new, due within a working day or overdue, each counted once, up to
    /// <see cref="BadgeCap"/>. Two small queries (the last visit, then one count), since it runs on every page a staff
    /// member opens; the cap keeps the count from reading every open task for a coordinator.
    /// </summary>
    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.Name is not { } userName)
            return 0;
        var now = clock.GetUtcNow();
        // Never visited: everything is new, which is what a first look at the page will show.
        var since = (await SeenAsync(userName, ct))?.UtcDateTime ?? DateTime.MinValue;
        var soon = inbox.DueSoonUntil(now);
        // Due-soon and overdue together are "due before the end of the next working day".
        return await inbox.VisibleTo(user).NewOrDueBy(since, soon).CountAsync(BadgeCap, ct);
    }

    /// <summary>The three groups as of the previous visit; <see cref="MarkSeenAsync"/> then starts the next period.</summary>
    public async Task<TaskNotificationSummary> SummaryAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var seen = user.Identity?.Name is { } userName ? await SeenAsync(userName, ct) : null;
        var created = await inbox.ForUserAsync(user,
            new InboxFilter(PageSize: GroupSize, Sort: InboxSort.Newest, CreatedAfter: seen ?? DateTimeOffset.MinValue), ct);
        var dueSoon = await inbox.ForUserAsync(user, new InboxFilter(InboxView.DueSoon, PageSize: GroupSize), ct);
        var overdue = await inbox.ForUserAsync(user, new InboxFilter(InboxView.Overdue, PageSize: GroupSize), ct);
        return new TaskNotificationSummary(seen, created, dueSoon, overdue);
    }

    public async Task MarkSeenAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.Name is not { } userName)
            return;
        var now = clock.GetUtcNow();
        var row = await db.Set<NotificationsSeen>().FirstOrDefaultAsync(s => s.UserName == userName, ct);
        if (row is null)
            db.Add(new NotificationsSeen(userName, now));
        else
            row.SeenAgain(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (row is null)
        {
            // The same user opened the page in two tabs at once and the other request inserted first: its time is as good.
        }
    }

    private Task<DateTimeOffset?> SeenAsync(string userName, CancellationToken ct) =>
        db.Set<NotificationsSeen>().AsNoTracking().Where(s => s.UserName == userName).Select(s => (DateTimeOffset?)s.At).FirstOrDefaultAsync(ct);
}
