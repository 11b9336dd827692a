using System.Net;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Admin;
using Lapor.Host.Tests.Inbox;

namespace Lapor.Host.Tests.Notifications;

/// <summary>The badge in the menu and the /Notifikasi page, used through the real login form.</summary>
public sealed partial class NotificationPageTests(InboxHost host) : IClassFixture<InboxHost>
{
    private static int Badge(string page)
    {
        var match = BadgeCount().Match(page);
        Assert.True(match.Success, "the page has no notification badge");
        return int.Parse(match.Groups[1].Value);
    }

    [Fact]
    public async Task Officer_SeesTheBadge_AndOpeningTheNotificationsClearsTheNewTasks()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        using var browser = await Browser.SignedInAsync(host, "puprkim.petugas", Browser.DemoPassword);
        var before = Badge(await browser.Client.GetStringAsync("/"));

        var notifications = await browser.Client.GetStringAsync("/Notifikasi");
        var after = Badge(await browser.Client.GetStringAsync("/"));

        Assert.Equal(1, before);
        Assert.Contains(task.Id, notifications);
        Assert.Contains(task.Id, Section(notifications, "new"));
        Assert.Equal(0, after);
        Assert.DoesNotContain(task.Id, Section(await browser.Client.GetStringAsync("/Notifikasi"), "new"));
    }

    [Fact]
    public async Task Reporter_GetsNoBadge_AndIsRefusedTheNotificationPage()
    {
        using var reporter = await Browser.SignedInAsync(host, "pelapor", Browser.DemoPassword);
        using var visitor = Browser.Open(host);

        var home = await reporter.Client.GetStringAsync("/");
        var page = await reporter.Client.GetAsync("/Notifikasi");
        var anonymousHome = await visitor.Client.GetStringAsync("/");

        Assert.DoesNotContain("data-notification-badge", home);
        Assert.DoesNotContain("data-notification-badge", anonymousHome);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Status/403", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Auditor_SeesTheBadgeToo()
    {
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        Assert.True(Badge(await auditor.Client.GetStringAsync("/")) > 0);
    }

    private static string Section(string page, string group)
    {
        var start = page.IndexOf($"data-group=\"{group}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no group {group}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [GeneratedRegex("data-notification-badge=\"(\\d+)\"")]
    private static partial Regex BadgeCount();
}
