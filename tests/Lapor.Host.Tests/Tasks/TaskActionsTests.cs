using System.Net;
using Lapor.Domain.Reports;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Tasks;

/// <summary>The built-in response form and the other actions of the task page, each on its own fresh report.</summary>
public sealed class TaskActionsTests(TaskHost host) : IClassFixture<TaskHost>
{
    private static async Task<HttpResponseMessage> ClaimAsync(Browser browser, string taskId) =>
        await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Claim", []);

    private static Task<HttpResponseMessage> CompleteAsync(Browser browser, string taskId, Dictionary<string, string> fields) =>
        browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Complete", fields);

    [Fact]
    public async Task PublicResponse_IsOnTheReportsTimeline_WhileAnInternalNoteStaysInternal()
    {
        var (code, taskId) = await host.ReportAtResponseAsync("dinkes");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await ClaimAsync(officer, taskId)).StatusCode);

        var note = await officer.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Note", new() { ["note"] = "Kepala puskesmas sudah ditelepon; rahasia internal." });
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Contains("Kepala puskesmas sudah ditelepon", await officer.Client.GetStringAsync($"/Tugas/{taskId}"));

        var done = await CompleteAsync(officer, taskId, new() { ["f.outcome"] = "respond", ["f.response"] = "Jam buka loket dimajukan ke 07.00 WITA." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var report = await host.ReportAsync(code);
        Assert.Contains(report.Timeline, t => t.Kind == TimelineEntryKind.PublicResponse && t.PublicText == "Jam buka loket dimajukan ke 07.00 WITA." && t.Actor == "dinkes.petugas");
        Assert.Equal("dinkes.petugas", Assert.Single(await host.NotesAsync(report.Id)).Author);
        using var visitor = Browser.Open(host);
        var tracking = await visitor.Client.GetStringAsync($"/Lacak/{code}");
        Assert.Contains("Jam buka loket dimajukan ke 07.00 WITA.", tracking);
        Assert.DoesNotContain("rahasia internal", tracking);
    }

    [Fact]
    public async Task Forward_NeedsAKnownOtherInstitutionAndAReason_ThenMovesTheReport()
    {
        var (code, taskId) = await host.ReportAtResponseAsync("dinkes");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        await ClaimAsync(officer, taskId);

        var refused = await CompleteAsync(officer, taskId, new() { ["f.outcome"] = "forward", ["f.forwardTo"] = "dinkes", ["f.forwardReason"] = "" });
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Alasan penerusan wajib diisi untuk pilihan ini.", page);
        Assert.Contains("Laporan tidak dapat diteruskan ke instansi yang sedang menanganinya.", page);
        Assert.NotNull(await host.TaskAsync(taskId));
        Assert.Equal("dinkes", (await host.ReportAsync(code)).ResponsibleAgencyCode);

        var forwarded = await CompleteAsync(officer, taskId, new() { ["f.outcome"] = "forward", ["f.forwardTo"] = "dinsos-p3a", ["f.forwardReason"] = "Bantuan biaya berobat ditangani Dinas Sosial." });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        var report = await host.ReportAsync(code);
        Assert.Equal("dinsos-p3a", report.ResponsibleAgencyCode);
        Assert.Contains(report.Timeline, t => t.Kind == TimelineEntryKind.Forwarded && t.PublicText == "Bantuan biaya berobat ditangani Dinas Sosial.");
    }

    [Fact]
    public async Task AskTheReporter_PublishesTheQuestion_AndTheTaskComesBackAfterTheReply()
    {
        var (code, taskId) = await host.ReportAtResponseAsync("dinkes");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        await ClaimAsync(officer, taskId);

        var asked = await CompleteAsync(officer, taskId, new() { ["f.outcome"] = "ask", ["f.question"] = "Puskesmas mana yang Anda maksud?" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        using var reporter = Browser.Open(host);
        var tracking = await reporter.Client.GetStringAsync($"/Lacak/{code}");
        Assert.Contains("Puskesmas mana yang Anda maksud?", tracking);
        var reply = await reporter.PostFormAsync($"/Lacak/{code}", $"/Lacak/{code}?handler=Reply", new() { ["Reply.Text"] = "Puskesmas Kuta I." });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.NotEqual(taskId, await host.OpenTaskOfAsync(code, "tindakLanjut"));
    }

    [Fact]
    public async Task Coordinator_ReassignsOnlyToStaffOfTheTasksAgency_TakesOver_AndChangesTheDueDateWithAReason()
    {
        var (_, taskId) = await host.ReportAtResponseAsync("dinkes");
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var page = $"/Tugas/{taskId}";

        var wrongAgency = await coordinator.PostFormAsync(page, $"{page}?handler=Reassign", new() { ["assignee"] = "puprkim.petugas" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongAgency.StatusCode);
        Assert.Contains("puprkim.petugas", await wrongAgency.Content.ReadAsStringAsync());
        Assert.Null((await host.TaskAsync(taskId))!.Assignee);

        var reassign = await coordinator.PostFormAsync(page, $"{page}?handler=Reassign", new() { ["assignee"] = "dinkes.kepala" });
        Assert.Equal(HttpStatusCode.Redirect, reassign.StatusCode);
        Assert.Equal("dinkes.kepala", (await host.TaskAsync(taskId))!.Assignee);

        var takeOver = await coordinator.PostFormAsync(page, $"{page}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, takeOver.StatusCode);
        Assert.Equal("koordinator", (await host.TaskAsync(taskId))!.Assignee);

        var before = (await host.TaskAsync(taskId))!.Due;
        var noReason = await coordinator.PostFormAsync(page, $"{page}?handler=DueDate", new() { ["due"] = "2099-01-05", ["dueReason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Alasan perubahan tenggat wajib diisi.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(before, (await host.TaskAsync(taskId))!.Due);

        var moved = await coordinator.PostFormAsync(page, $"{page}?handler=DueDate", new() { ["due"] = "2099-01-05", ["dueReason"] = "Menunggu hasil laboratorium" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateTime(2099, 1, 5, 8, 0, 0, DateTimeKind.Utc), (await host.TaskAsync(taskId))!.Due); // 16:00 WITA

        var operations = (await host.OperationsAsync(taskId)).Select(o => (o.Name, o.Actor)).ToList();
        Assert.Equal([("SetAssignee", "koordinator"), ("SetAssignee", "koordinator"), ("SetDueDate", "koordinator")], operations);
        var journal = await coordinator.Client.GetStringAsync(page);
        Assert.Contains("Menunggu hasil laboratorium", journal);
        Assert.Contains("data-operation=\"SetDueDate\"", journal);
    }

    [Fact]
    public async Task AnOfficerCannotUseTheCoordinatorsActions()
    {
        var (_, taskId) = await host.ReportAtResponseAsync("dinkes");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        var page = $"/Tugas/{taskId}";
        Assert.DoesNotContain("handler=TakeOver", await officer.Client.GetStringAsync(page));

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync(page, $"{page}?handler=TakeOver", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync(page, $"{page}?handler=Reassign", new() { ["assignee"] = "dinkes.petugas" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostFormAsync(page, $"{page}?handler=DueDate", new() { ["due"] = "2099-01-05", ["dueReason"] = "x" })).StatusCode);
        Assert.Null((await host.TaskAsync(taskId))!.Assignee);
    }
}
