using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>
/// The inbox's filters and orders on the demo reports' open tasks: each narrows to exactly the matching tasks, and no
/// combination shows an officer another agency's task. Expected results are worked out here from the tables directly.
/// </summary>
public sealed class InboxFilterTests(InboxHost host) : IClassFixture<InboxHost>
{
    private sealed record OpenTask(string Id, DateTime? Due, DateTime CreatedAt, int Priority, string? Stage, string? Category, ReportType? Type, string? Code);

    private Task<InboxPage> ListAsync(string userName, InboxFilter filter) =>
        host.WithScopeAsync(async services =>
            await services.GetRequiredService<TaskInbox>().ForUserAsync(await host.PrincipalAsync(userName), filter with { PageSize = TaskInbox.MaxPageSize }));

    private Task<List<OpenTask>> AllOpenTasksAsync() =>
        host.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LaporDb>();
            return await (from t in db.Set<TaskRow>().AsNoTracking()
                          join r in db.Reports.AsNoTracking() on t.InstanceId equals r.ProcessInstanceId into reports
                          from r in reports.DefaultIfEmpty()
                          select new OpenTask(t.Id, t.Due, t.CreatedAt, t.Priority, r.Stage, r.CategoryCode, (ReportType?)r.Type, r.TrackingCode.ToString()))
                .ToListAsync();
        });

    private static IEnumerable<string> Ids(InboxPage page) => page.Items.Select(r => r.TaskId).Order();

    [Fact]
    public async Task StageCategoryAndType_EachKeepExactlyTheTasksWhoseReportMatches()
    {
        var all = await AllOpenTasksAsync();
        Assert.True(all.Select(t => t.Stage).Distinct().Count() >= 2, "the demo data should give tasks in several stages");

        foreach (var stage in all.Select(t => t.Stage).OfType<string>().Distinct())
            Assert.Equal(all.Where(t => t.Stage == stage).Select(t => t.Id).Order(), Ids(await ListAsync("koordinator", new InboxFilter(Stage: stage))));
        foreach (var category in all.Select(t => t.Category).OfType<string>().Distinct())
            Assert.Equal(all.Where(t => t.Category == category).Select(t => t.Id).Order(), Ids(await ListAsync("koordinator", new InboxFilter(Category: category))));
        foreach (var type in Enum.GetValues<ReportType>())
            Assert.Equal(all.Where(t => t.Type == type).Select(t => t.Id).Order(), Ids(await ListAsync("koordinator", new InboxFilter(Type: type))));
        Assert.Empty((await ListAsync("koordinator", new InboxFilter(Category: "no-such-category"))).Items);
    }

    [Fact]
    public async Task DueBy_KeepsTasksDueOnOrBeforeThatDay_InTheCalendarsZone()
    {
        var all = await AllOpenTasksAsync();
        var zone = host.Services.GetRequiredService<BusinessCalendar>().Zone;
        var earliest = all.Where(t => t.Due is not null).Min(t => t.Due!.Value);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(earliest, zone));
        var end = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

        var page = await ListAsync("koordinator", new InboxFilter(DueBy: day));
        var dayBefore = await ListAsync("koordinator", new InboxFilter(DueBy: day.AddDays(-1)));

        Assert.Equal(all.Where(t => t.Due < end).Select(t => t.Id).Order(), Ids(page));
        Assert.NotEmpty(page.Items);
        Assert.Empty(dayBefore.Items);
    }

    [Fact]
    public async Task Sorts_ByDueDateByDefault_ByPriority_AndNewestFirst()
    {
        var all = (await AllOpenTasksAsync()).ToDictionary(t => t.Id);

        var byDue = (await ListAsync("koordinator", new InboxFilter())).Items.Select(r => all[r.TaskId]).ToList();
        var byPriority = (await ListAsync("koordinator", new InboxFilter(Sort: InboxSort.Priority))).Items.Select(r => all[r.TaskId]).ToList();
        var newest = (await ListAsync("koordinator", new InboxFilter(Sort: InboxSort.Newest))).Items.Select(r => all[r.TaskId]).ToList();

        Assert.Equal(byDue.OrderBy(t => t.Due is null).ThenBy(t => t.Due).Select(t => t.Due), byDue.Select(t => t.Due));
        Assert.Equal(byPriority.OrderByDescending(t => t.Priority).Select(t => t.Priority), byPriority.Select(t => t.Priority));
        Assert.Equal(newest.OrderByDescending(t => t.CreatedAt).Select(t => t.CreatedAt), newest.Select(t => t.CreatedAt));
        Assert.Equal(all.Count, newest.Count);
    }

    [Fact]
    public async Task OfficersOfAnotherAgency_NeverSeeThePuprkimTask_WithAnyCombinationOfFilters()
    {
        var puprkim = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        var task = (await AllOpenTasksAsync()).Single(t => t.Id == puprkim.Id);
        var dayAfterDue = DateOnly.FromDateTime(task.Due!.Value.AddDays(2));

        for (var mask = 0; mask < 32; mask++)
        {
            // Every filter set to the puprkim task's own values, in every combination: the filters match it...
            var filter = new InboxFilter(
                Stage: (mask & 1) != 0 ? task.Stage : null,
                Category: (mask & 2) != 0 ? task.Category : null,
                Type: (mask & 4) != 0 ? task.Type : null,
                Search: (mask & 8) != 0 ? task.Code : null,
                DueBy: (mask & 16) != 0 ? dayAfterDue : null,
                Sort: (InboxSort)(mask % 3),
                CreatedAfter: mask % 2 == 0 ? DateTimeOffset.MinValue : null);
            Assert.Contains(puprkim.Id, Ids(await ListAsync("puprkim.petugas", filter)));
            // ...and still never show it to dinkes, in any tab.
            foreach (var view in Enum.GetValues<InboxView>())
            {
                Assert.DoesNotContain(puprkim.Id, Ids(await ListAsync("dinkes.petugas", filter with { View = view })));
                Assert.DoesNotContain(puprkim.Id, Ids(await ListAsync("dinkes.kepala", filter with { View = view })));
            }
        }
    }

    [Fact]
    public async Task Page_FiltersByCategoryAndTypeFromTheQueryString_AndOffersCategoryNamesFromTheCatalogue()
    {
        var all = await AllOpenTasksAsync();
        var byCategory = all.Where(t => t.Category is not null).GroupBy(t => t.Category!).ToList();
        Assert.True(byCategory.Count >= 2, "the demo data should give open tasks of two categories");
        var (wanted, other) = (byCategory[0], byCategory[1]);
        var type = wanted.First().Type;
        using var browser = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var page = await browser.Client.GetStringAsync($"/Tugas?kategori={wanted.Key}&jenis={type}");
        var noneOfThatType = await browser.Client.GetStringAsync(
            $"/Tugas?kategori={wanted.Key}&jenis={Enum.GetValues<ReportType>().First(t => t != type)}");

        Assert.All(wanted.Where(t => t.Type == type), t => Assert.Contains(t.Id, page));
        Assert.All(other, t => Assert.DoesNotContain(t.Id, page));
        Assert.All(wanted.Where(t => t.Type == type), t => Assert.DoesNotContain(t.Id, noneOfThatType));
        Assert.Contains("<option value=\"jalan\"", page);
        var categoryName = await host.WithScopeAsync(s => s.GetRequiredService<LaporDb>().Categories.Where(c => c.Code == "jalan").Select(c => c.Name).SingleAsync());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(categoryName), page);
    }
}
