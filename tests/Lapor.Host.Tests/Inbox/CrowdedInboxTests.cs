using Lapor.Host.Inbox;
using Lapor.Host.Tests.Admin;
using Lapor.Host.Tests.ScaleOut;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>The demo data plus more open tasks than an inbox counts: 1,010 undated "ramai" tasks offered to the Inspektorat
/// (no agency), so a coordinator sees them and an agency's officer does not.</summary>
public sealed class CrowdedInboxHost : InboxHost
{
    public const int Crowd = TaskInbox.CountedUpTo + 10;

    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _crowded;

    private static readonly string Process = Bpmn.GroupTask("ramai", "Tugas ramai", "inspektorat");

    public async Task CrowdAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_crowded)
                return;
            await using (var scope = Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Deployer>().DeployAsync(
                    new DeploymentRequest("ramai", [new DeploymentResource("ramai.bpmn", Process)], Source: "test"), "admin");
            for (var i = 0; i < Crowd; i++)
            {
                await using var scope = Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest("ramai"), "admin");
            }
            _crowded = true;
        }
        finally
        {
            _once.Release();
        }
    }
}

/// <summary>
/// An inbox with more open tasks than it counts, as a coordinator's is at a province's scale: the count stops at
/// <see cref="TaskInbox.CountedUpTo"/>, the pager says so and goes on, and the pages still come in due order.
/// </summary>
public sealed class CrowdedInboxTests(CrowdedInboxHost host) : IClassFixture<CrowdedInboxHost>
{
    private async Task<InboxPage> ListAsync(string userName, InboxFilter? filter = null)
    {
        await host.CrowdAsync();
        return await host.WithScopeAsync(async services =>
            await services.GetRequiredService<TaskInbox>().ForUserAsync(await host.PrincipalAsync(userName), filter ?? new InboxFilter(), default));
    }

    [Fact]
    public async Task TheCoordinatorsCount_StopsAtTheLimit_AndThePagesGoOnPastIt()
    {
        var first = await ListAsync("koordinator");

        Assert.True(first.More);
        Assert.Equal(TaskInbox.CountedUpTo, first.Total);
        Assert.Equal(TaskInbox.CountedUpTo / 25, first.PageCount);
        Assert.True(first.HasNext);
        // Due order: the demo's tasks with a deadline first, then the undated crowd.
        Assert.NotNull(first.Items[0].Due);
        Assert.Contains(first.Kinds, k => k.Key == "ramai");
        Assert.Contains(first.Kinds, k => k.Key == "verifikasi");

        // Past the count, the pages hold the rest of the open tasks (counted exactly here, to know what to expect).
        var open = await host.WithScopeAsync(services => services.GetRequiredService<TaskQuery>().Open().CountAsync());
        var past = await ListAsync("koordinator", new InboxFilter(Page: TaskInbox.CountedUpTo / 25 + 1));
        Assert.Equal(Math.Min(25, open - TaskInbox.CountedUpTo), past.Items.Count);
        Assert.All(past.Items, r => Assert.Equal("ramai", r.TaskKey));
        Assert.Equal(TaskInbox.CountedUpTo / 25 + 1, past.PageCount);
        Assert.Equal(open - TaskInbox.CountedUpTo > 25, past.HasNext);
        var shorter = await ListAsync("koordinator", new InboxFilter(Page: 2, PageSize: 10));
        Assert.Equal(10, shorter.Items.Count);
        Assert.True(shorter.HasNext);
    }

    [Fact]
    public async Task AFilteredCount_StopsThereToo_AndAShortListIsStillCountedExactly()
    {
        var crowd = await ListAsync("koordinator", new InboxFilter(TaskKey: "ramai"));
        Assert.True(crowd.More);
        Assert.Equal(TaskInbox.CountedUpTo, crowd.Total);

        var verifications = await ListAsync("koordinator", new InboxFilter(TaskKey: "verifikasi", PageSize: TaskInbox.MaxPageSize));
        Assert.False(verifications.More);
        Assert.Equal(verifications.Items.Count, verifications.Total);

        var officer = await ListAsync("puprkim.petugas");
        Assert.False(officer.More);
        Assert.Equal(officer.Items.Count, officer.Total);
    }

    [Fact]
    public async Task AnInboxSeenLonger_IsRemembered_AndTheNextVisitAnswersTheSameWithoutCountingIt()
    {
        var counted = await ListAsync("koordinator");
        var officer = await ListAsync("puprkim.petugas");
        var remembered = host.Services.GetRequiredService<LongInboxes>();

        Assert.True(remembered.IsLong("koordinator"));
        Assert.False(remembered.IsLong("puprkim.petugas"));
        var again = await ListAsync("koordinator");
        Assert.True(again.More);
        Assert.Equal(counted.Total, again.Total);
        Assert.Equal(counted.Kinds.Select(k => k.Key), again.Kinds.Select(k => k.Key));
        Assert.Equal(counted.Items.Select(r => r.TaskId), again.Items.Select(r => r.TaskId));
        Assert.False(officer.More);

        // While remembered, the inbox is not counted at all: an officer's short list taken as long shows "10+", as a
        // list that shrank within the window would, and is counted exactly again once a count says it is short.
        remembered.Counted("puprkim.petugas", longerThanCounted: true);
        try
        {
            var uncounted = await ListAsync("puprkim.petugas");
            Assert.True(uncounted.More);
            Assert.Equal(TaskInbox.CountedUpTo, uncounted.Total);
            Assert.Equal(officer.Items.Select(r => r.TaskId), uncounted.Items.Select(r => r.TaskId));
        }
        finally
        {
            remembered.Counted("puprkim.petugas", longerThanCounted: false);
        }
        Assert.False((await ListAsync("puprkim.petugas")).More);
    }

    [Fact]
    public async Task ThePageSays_OfTenPlus_AndOffersTheNextPage()
    {
        await host.CrowdAsync();
        using var browser = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var html = await browser.Client.GetStringAsync("/Tugas");

        Assert.Contains($"Halaman 1 dari {TaskInbox.CountedUpTo / 25}&#x2B;", html);
        Assert.Contains("hal=2", html);
        Assert.Contains("Berikutnya", html);
    }
}
