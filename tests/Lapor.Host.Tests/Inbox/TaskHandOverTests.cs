using System.Net;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>
/// Handing a task to a colleague and delegating it, through <see cref="TaskHandOver"/> on the real engine and through the
/// /Tugas page. Every test starts by giving the demo "tindakLanjut" task of puprkim to puprkim.petugas.
/// </summary>
public sealed class TaskHandOverTests(HandOverHost host) : IClassFixture<HandOverHost>
{
    private async Task<string> TaskHeldByOfficerAsync()
    {
        await host.ColleaguesAsync();
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        await host.WithScopeAsync(async s =>
        {
            var engine = s.GetRequiredService<WorkflowEngine>();
            var row = await s.GetRequiredService<LaporDb>().Set<Lapor.Workflows.Persistence.TaskRow>().AsNoTracking().SingleAsync(t => t.Id == task.Id);
            // A delegation left by an earlier test is resolved first: a pending one would make the owner the resolver.
            if (row.DelegationState == TaskInbox.DelegationPending)
                await engine.ResolveAsync(task.Id, null, "test");
            await engine.SetAssigneeAsync(task.Id, "puprkim.petugas", "test");
            return true;
        });
        return task.Id;
    }

    private Task<HandOverOutcome> PassAsync(string userName, string taskId, string? colleague, HandOverKind kind = HandOverKind.HandOver) =>
        host.WithScopeAsync(async s => await s.GetRequiredService<TaskHandOver>().PassAsync(await host.PrincipalAsync(userName), taskId, colleague, kind));

    /// <summary>The task's events, in order, from the chain of the instance it belongs to.</summary>
    private Task<List<HistoryEventRow>> TaskEventsAsync(string taskId) =>
        host.WithScopeAsync(async s =>
        {
            var events = new HistoryEvents(s.GetRequiredService<LaporDb>());
            var chain = await events.ChainOfTaskAsync(taskId);
            return chain is null ? [] : (await events.OfChainAsync(chain)).Where(h => h.TaskId == taskId).ToList();
        });

    [Fact]
    public async Task OfficerHandsTheTaskToASameAgencyColleague_AndTheEngineHistoryRecordsIt()
    {
        var taskId = await TaskHeldByOfficerAsync();

        var outcome = await PassAsync("puprkim.petugas", taskId, "PUPRKIM.REKAN");

        Assert.Equal(HandOverOutcome.Done, outcome);
        Assert.Equal("puprkim.rekan", await host.AssigneeAsync(taskId));
        var operation = (await TaskEventsAsync(taskId))
            .Where(h => h.Kind == HistoryEventKind.UserOperation && h.Name == "SetAssignee" && h.Actor == "puprkim.petugas")
            .OrderByDescending(h => h.Seq).FirstOrDefault();
        Assert.NotNull(operation);
        Assert.Contains("\"newValue\":\"puprkim.rekan\"", operation.Detail);
    }

    [Theory]
    [InlineData("dinkes.petugas", HandOverOutcome.NotAColleague)]
    [InlineData("dinkes.kepala", HandOverOutcome.NotAColleague)]
    [InlineData("puprkim.nonaktif", HandOverOutcome.InactiveColleague)]
    [InlineData("tidak.ada", HandOverOutcome.UnknownColleague)]
    [InlineData("pelapor", HandOverOutcome.NotAColleague)]
    public async Task HandingToSomeoneWhoIsNotAnActiveColleague_IsRefused_AndChangesNothing(string colleague, HandOverOutcome expected)
    {
        var taskId = await TaskHeldByOfficerAsync();
        var historyBefore = (await TaskEventsAsync(taskId)).Count;

        var handOver = await PassAsync("puprkim.petugas", taskId, colleague);
        var delegation = await PassAsync("puprkim.petugas", taskId, colleague, HandOverKind.Delegate);

        Assert.Equal(expected, handOver);
        Assert.Equal(expected, delegation);
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));
        Assert.Equal(historyBefore, (await TaskEventsAsync(taskId)).Count);
    }

    [Fact]
    public async Task Delegating_ThenTheDelegateResolves_GivesTheTaskBackToTheOwner()
    {
        var taskId = await TaskHeldByOfficerAsync();

        Assert.Equal(HandOverOutcome.Done,
            await PassAsync("puprkim.petugas", taskId, "puprkim.rekan", HandOverKind.Delegate));
        Assert.Equal("puprkim.rekan", await host.AssigneeAsync(taskId));
        // Only the delegate hands it back. The owner still sees the task in their inbox while it is lent out, but
        // cannot take it back by resolving it.
        var ownersInbox = await host.WithScopeAsync(async s =>
            await s.GetRequiredService<TaskInbox>().ForUserAsync(await host.PrincipalAsync("puprkim.petugas"), new InboxFilter()));
        Assert.Contains(ownersInbox.Items, row => row.TaskId == taskId);
        var byOwner = await host.WithScopeAsync(async s =>
            await s.GetRequiredService<TaskHandOver>().HandBackAsync(await host.PrincipalAsync("puprkim.petugas"), taskId));
        var byDelegate = await host.WithScopeAsync(async s =>
            await s.GetRequiredService<TaskHandOver>().HandBackAsync(await host.PrincipalAsync("puprkim.rekan"), taskId));

        Assert.Equal(HandOverOutcome.Forbidden, byOwner);
        Assert.Equal(HandOverOutcome.Done, byDelegate);
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));
        var operations = (await TaskEventsAsync(taskId)).Where(h => h.Kind == HistoryEventKind.UserOperation).Select(h => h.Name).ToList();
        Assert.Equal(["Delegate", "Resolve"], operations.TakeLast(2));
    }

    [Fact]
    public async Task Coordinator_MayPickStaffOfTheTasksAgency_ButNotOfAnotherAgency()
    {
        var taskId = await TaskHeldByOfficerAsync();

        Assert.Equal(HandOverOutcome.NotAColleague, await PassAsync("koordinator", taskId, "dinkes.petugas"));
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));
        Assert.Equal(HandOverOutcome.Done, await PassAsync("koordinator", taskId, "puprkim.rekan"));
        Assert.Equal("puprkim.rekan", await host.AssigneeAsync(taskId));
    }

    [Fact]
    public async Task ColleagueList_OfAnOfficer_HoldsOnlyActiveOfficersAndSupervisorsOfTheSameAgency()
    {
        await host.ColleaguesAsync();
        var colleagues = await host.WithScopeAsync(async s =>
            await s.GetRequiredService<Colleagues>().ForUserAsync(await host.PrincipalAsync("puprkim.petugas")));

        Assert.Equal(["puprkim.rekan"], colleagues.Select(c => c.UserName));
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_GetsNotFound_AndAnOfficerWhoDoesNotHoldTheTask_IsForbidden()
    {
        var taskId = await TaskHeldByOfficerAsync();

        Assert.Equal(HandOverOutcome.NotFound, await PassAsync("dinkes.petugas", taskId, "dinkes.kepala"));
        Assert.Equal(HandOverOutcome.NotFound, await PassAsync("puprkim.petugas", "no-such-task", "puprkim.rekan"));
        // puprkim.rekan sees the task only once it is theirs; before that it is another officer's and invisible.
        Assert.Equal(HandOverOutcome.NotFound, await PassAsync("puprkim.rekan", taskId, "puprkim.petugas"));
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));
    }

    [Fact]
    public async Task Page_HandsOver_AndShowsAClearIndonesianRefusal_ForAnotherAgencysOfficer()
    {
        var taskId = await TaskHeldByOfficerAsync();
        using var browser = await Browser.SignedInAsync(host, "puprkim.petugas", Browser.DemoPassword);
        Assert.Contains("handler=HandOver", await browser.Client.GetStringAsync("/Tugas"));

        var refused = await browser.PostFormAsync("/Tugas", "/Tugas?handler=HandOver",
            new() { ["taskId"] = taskId, ["rekan"] = "dinkes.petugas", ["cara"] = "HandOver" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await browser.Client.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains("bukan petugas penghubung atau supervisor dari instansi yang menangani tugas ini", page);
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));

        var done = await browser.PostFormAsync("/Tugas", "/Tugas?handler=HandOver",
            new() { ["taskId"] = taskId, ["rekan"] = "puprkim.rekan", ["cara"] = "HandOver" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("puprkim.rekan", await host.AssigneeAsync(taskId));
    }

    [Fact]
    public async Task Page_AnswersNotFoundToAnotherAgency_AndForbiddenToTheAuditor()
    {
        var taskId = await TaskHeldByOfficerAsync();
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var fields = () => new Dictionary<string, string> { ["taskId"] = taskId, ["rekan"] = "dinkes.kepala", ["cara"] = "Delegate" };

        var otherAgency = await officer.PostFormAsync("/Tugas", "/Tugas?handler=HandOver", fields());
        var audit = await auditor.PostFormAsync("/Tugas", "/Tugas?handler=HandOver", fields());
        var auditPage = await auditor.Client.GetStringAsync("/Tugas");

        Assert.Equal(HttpStatusCode.NotFound, otherAgency.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.DoesNotContain("handler=HandOver", auditPage);
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(taskId));
    }
}
