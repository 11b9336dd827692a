using Lapor.Host.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>Who sees which task, decided by the inbox query for each demo role.</summary>
public sealed class TaskInboxTests(InboxHost host) : IClassFixture<InboxHost>
{
    private Task<InboxPage> ListAsync(string userName, InboxFilter? filter = null) =>
        host.WithScopeAsync(async services =>
            await services.GetRequiredService<TaskInbox>().ForUserAsync(await host.PrincipalAsync(userName), filter ?? new InboxFilter(), default));

    [Fact]
    public async Task LiaisonOfficerOfAnotherAgency_DoesNotSeeThePuprkimTask()
    {
        var page = await ListAsync("dinkes.petugas");

        Assert.DoesNotContain(page.Items, r => r.TaskKey == "tindakLanjut");
        Assert.DoesNotContain(page.Items, r => r.TaskKey == "verifikasi");
    }

    [Fact]
    public async Task PuprkimLiaisonOfficer_SeesTheAgencysFollowUpTask_WithItsReportAndWorkingDays()
    {
        var page = await ListAsync("puprkim.petugas");

        var row = Assert.Single(page.Items);
        Assert.Equal("tindakLanjut", row.TaskKey);
        Assert.False(string.IsNullOrEmpty(row.ReportTitle));
        Assert.False(string.IsNullOrEmpty(row.TrackingCode));
        Assert.NotNull(row.Due);
        Assert.InRange(row.RemainingWorkingDays!.Value, 0, 5);
        Assert.False(row.IsOverdue);
    }

    [Fact]
    public async Task Coordinator_SeesTheVerificationTasks()
    {
        var page = await ListAsync("koordinator");

        Assert.Contains(page.Items, r => r.TaskKey == "verifikasi");
        Assert.Contains(page.Items, r => r.TaskKey == "tindakLanjut");
    }

    [Fact]
    public async Task Auditor_SeesEveryTask_ButMayNotAct()
    {
        var auditor = await host.PrincipalAsync("auditor");
        var page = await ListAsync("auditor");

        Assert.Equal((await ListAsync("koordinator")).Total, page.Total);
        Assert.False(TaskInbox.MayAct(auditor));
    }

    /// <summary>
    /// Unfiltered, the total is taken from the kinds' counts (one read of the visible tasks); it must still be every
    /// visible task, and a filter must still be counted as filtered.
    /// </summary>
    [Theory]
    [InlineData("koordinator")]
    [InlineData("puprkim.petugas")]
    [InlineData("dinkes.petugas")]
    [InlineData("pelapor")]
    public async Task TheTotal_WithoutFilters_IsEveryVisibleTask_AndTheKindsAddUpToIt(string userName)
    {
        var page = await ListAsync(userName, new InboxFilter(PageSize: TaskInbox.MaxPageSize));

        Assert.Equal(page.Items.Count, page.Total); // the demo data has fewer open tasks than a page holds
        Assert.Equal(page.Total, page.Kinds.Sum(k => k.Count));
        Assert.Equal(page.Items.Select(i => i.TaskKey).Distinct().Order(), page.Kinds.Select(k => k.Key).Order());
        var verifications = await ListAsync(userName, new InboxFilter(TaskKey: "verifikasi", PageSize: TaskInbox.MaxPageSize));
        Assert.Equal(page.Items.Count(i => i.TaskKey == "verifikasi"), verifications.Total);
        Assert.Equal(page.Kinds, verifications.Kinds);
    }

    [Fact]
    public async Task Reporter_SeesNothing()
    {
        var page = await ListAsync("pelapor");

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Filters_NarrowTheList_AndSearchFindsTheReportTitle()
    {
        var all = await ListAsync("koordinator");
        var followUp = all.Items.First(r => r.TaskKey == "tindakLanjut");

        var byKey = await ListAsync("koordinator", new InboxFilter(TaskKey: "verifikasi"));
        var byTitle = await ListAsync("koordinator", new InboxFilter(Search: followUp.ReportTitle![..8].ToUpperInvariant()));
        var byCode = await ListAsync("koordinator", new InboxFilter(Search: followUp.TrackingCode));
        var mine = await ListAsync("koordinator", new InboxFilter(View: InboxView.Mine));
        var overdue = await ListAsync("koordinator", new InboxFilter(View: InboxView.Overdue));

        Assert.All(byKey.Items, r => Assert.Equal("verifikasi", r.TaskKey));
        Assert.Contains(byTitle.Items, r => r.TaskId == followUp.TaskId);
        Assert.Equal(followUp.TaskId, Assert.Single(byCode.Items).TaskId);
        Assert.Empty(mine.Items);
        Assert.Empty(overdue.Items);
    }

    [Fact]
    public async Task Search_FindsTasksByTheirName_Too()
    {
        var all = await ListAsync("koordinator");
        var verification = all.Items.First(r => r.TaskKey == "verifikasi");
        // "laporan" would also match titles; the task name's own word does not appear in the sample titles.
        var byName = await ListAsync("koordinator", new InboxFilter(Search: "VERIFIKASI"));
        Assert.Contains(byName.Items, r => r.TaskId == verification.TaskId);
        Assert.All(byName.Items, r => Assert.Contains("verifikasi", (r.Name + " " + r.ReportTitle).ToLowerInvariant()));
        Assert.DoesNotContain(byName.Items, r => r.TaskKey == "tindakLanjut" && !r.ReportTitle!.Contains("erifikasi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Paging_IsServerSide_AndThePageSizeIsCapped()
    {
        var first = await ListAsync("koordinator", new InboxFilter(PageSize: 1));
        var second = await ListAsync("koordinator", new InboxFilter(Page: 2, PageSize: 1));
        var huge = await ListAsync("koordinator", new InboxFilter(PageSize: 10_000));

        Assert.Single(first.Items);
        Assert.True(first.Total >= 2);
        Assert.NotEqual(first.Items[0].TaskId, second.Items[0].TaskId);
        Assert.Equal(TaskInbox.MaxPageSize, huge.PageSize);
    }
}
