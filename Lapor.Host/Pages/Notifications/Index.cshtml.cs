using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Host.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Notifications;

/// <summary>
/// Notifikasi: new, due-soon and overdue tasks, with links into the inbox. Opening the page is what marks tasks as seen,
/// so the groups are read first (as of the previous visit) and the visit is recorded after.
/// </summary>
public sealed class IndexModel(TaskNotifications notifications, DateDisplay dates, IStringLocalizer<PortalText> text) : PageModel
{
    public IReadOnlyList<NotificationGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var summary = await notifications.SummaryAsync(User, ct);
        await notifications.MarkSeenAsync(User, ct);

        var newRoute = new Dictionary<string, string>();
        if (summary.SeenBefore is { } seen)
        {
            newRoute["sejak"] = seen.ToString("O");
            newRoute["urut"] = InboxSort.Newest.ToString();
        }
        var explained = summary.SeenBefore is { } before
            ? text["Notifications.NewSince", dates.Moment(before)].Value
            : text["Notifications.NeverSeen"].Value;
        Groups =
        [
            new("new", text["Notifications.New"].Value, explained, summary.New, newRoute),
            new("due-soon", text["Notifications.DueSoon"].Value, null, summary.DueSoon,
                new Dictionary<string, string> { ["tampil"] = InboxView.DueSoon.ToString() }),
            new("overdue", text["Notifications.Overdue"].Value, null, summary.Overdue,
                new Dictionary<string, string> { ["tampil"] = InboxView.Overdue.ToString() }),
        ];
    }
}
