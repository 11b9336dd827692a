using Lapor.Host.Inbox;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Host.Notifications;

/// <summary>
/// The bell in the top menu with the number of tasks that want attention. A view component so the layout needs one
/// line and stays free of queries; reporters and visitors get nothing rendered and cost no query.
/// </summary>
public sealed class NotificationBadgeViewComponent(TaskNotifications notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!TaskInbox.IsStaff(UserClaimsPrincipal))
            return Content(string.Empty);
        var count = await notifications.CountAsync(UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("/Pages/Notifications/_Badge.cshtml", count);
    }
}
