using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Notifications;
using Lapor.Host.Tests.Inbox;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Notifications;

/// <summary>
/// The badge count and the notification groups for the demo puprkim task, with a fake clock moved around the task's
/// creation and due date. Each test uses its own user, since the last-seen time is per user and never moves back.
/// </summary>
public sealed class TaskNotificationsTests(InboxHost host) : IClassFixture<InboxHost>
{
    private FakeTimeProvider _clock = new();

    // A fake clock only moves forward; these tests jump around the task's dates, so each jump is a fresh clock.
    private void SetNow(DateTimeOffset now) => _clock = new FakeTimeProvider(now);

    private Task<T> WithNotificationsAsync<T>(Func<TaskNotifications, Task<T>> work) =>
        host.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<LaporDb>();
            var inbox = new TaskInbox(db, s.GetRequiredService<TaskQuery>(), s.GetRequiredService<BusinessCalendar>(), _clock, new LongInboxes(_clock));
            return await work(new TaskNotifications(db, inbox, _clock));
        });

    private Task<int> CountAsync(string userName) =>
        WithNotificationsAsync(async n => await n.CountAsync(await host.PrincipalAsync(userName)));

    private Task<TaskNotificationSummary> SummaryAsync(string userName) =>
        WithNotificationsAsync(async n => await n.SummaryAsync(await host.PrincipalAsync(userName)));

    private Task MarkSeenAsync(string userName) =>
        WithNotificationsAsync(async n =>
        {
            await n.MarkSeenAsync(await host.PrincipalAsync(userName));
            return true;
        });

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    [Fact]
    public async Task ATaskIsNew_UntilTheOfficerOpensTheNotifications_ThenDueSoon_ThenOverdue()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        var calendar = host.Services.GetRequiredService<BusinessCalendar>();
        Assert.True(calendar.AddWorkingDays(Utc(task.CreatedAt), 1) < Utc(task.Due!.Value), "the demo task should not be due within a day");

        SetNow(Utc(task.CreatedAt).AddMinutes(5));
        Assert.Equal(1, await CountAsync("puprkim.petugas"));
        var first = await SummaryAsync("puprkim.petugas");
        Assert.Null(first.SeenBefore);
        Assert.Equal(task.Id, Assert.Single(first.New.Items).TaskId);
        Assert.Empty(first.DueSoon.Items);

        await MarkSeenAsync("puprkim.petugas");
        Assert.Equal(0, await CountAsync("puprkim.petugas"));
        var seen = await SummaryAsync("puprkim.petugas");
        Assert.Equal(_clock.GetUtcNow(), seen.SeenBefore);
        Assert.Empty(seen.New.Items);

        SetNow(Utc(task.Due.Value).AddHours(-1));
        var dueSoon = await SummaryAsync("puprkim.petugas");
        Assert.Equal(1, await CountAsync("puprkim.petugas"));
        Assert.Equal(task.Id, Assert.Single(dueSoon.DueSoon.Items).TaskId);
        Assert.Empty(dueSoon.Overdue.Items);

        SetNow(Utc(task.Due.Value).AddHours(1));
        var overdue = await SummaryAsync("puprkim.petugas");
        Assert.Equal(1, await CountAsync("puprkim.petugas"));
        Assert.Equal(task.Id, Assert.Single(overdue.Overdue.Items).TaskId);
        Assert.Empty(overdue.DueSoon.Items);
    }

    [Fact]
    public async Task ATaskCreatedAfterTheLastVisit_IsNew_AndOneBeforeIsNot()
    {
        var tasks = await host.WithScopeAsync(s => s.GetRequiredService<LaporDb>().Set<TaskRow>().AsNoTracking()
            .OrderBy(t => t.CreatedAt).ToListAsync());
        var newest = tasks[^1];
        Assert.True(tasks[0].CreatedAt < newest.CreatedAt, "the demo tasks should not all be created at the same moment");
        // Seen just before the newest task was created, looked at from that moment (so nothing is due yet).
        SetNow(Utc(newest.CreatedAt).AddTicks(-1));
        await MarkSeenAsync("koordinator");

        var summary = await SummaryAsync("koordinator");

        Assert.Contains(summary.New.Items, r => r.TaskId == newest.Id);
        Assert.DoesNotContain(summary.New.Items, r => r.TaskId == tasks[0].Id);
        Assert.Equal(tasks.Count(t => t.CreatedAt > newest.CreatedAt.AddTicks(-1)), summary.New.Total);
    }

    [Fact]
    public async Task TheLastVisit_NeverMovesBack()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        SetNow(Utc(task.CreatedAt).AddDays(1));
        await MarkSeenAsync("auditor");
        var later = _clock.GetUtcNow();

        SetNow(Utc(task.CreatedAt).AddDays(-1));
        await MarkSeenAsync("auditor");

        Assert.Equal(later, (await SummaryAsync("auditor")).SeenBefore);
    }

    [Fact]
    public async Task AnOfficerOfAnotherAgency_IsNeverNotifiedOfThePuprkimTask()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        SetNow(Utc(task.Due!.Value).AddHours(1));

        var summary = await SummaryAsync("dinkes.petugas");

        var notified = summary.New.Items.Concat(summary.DueSoon.Items).Concat(summary.Overdue.Items).Select(r => r.TaskId).Distinct().ToList();
        Assert.DoesNotContain(task.Id, notified);
        Assert.Equal(notified.Count, await CountAsync("dinkes.petugas"));
    }
}
