using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Tests.Reports;

/// <summary>A report walked through its process by officers and its reporter, through the host's real services.</summary>
public sealed class ReportLifecycleTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    private async Task<string> SubmitAsync(bool anonymous = false)
    {
        using var scope = host.Services.CreateScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Antrean BPJS di RSUD terlalu lama", CategoryCode = "kesehatan", IsAnonymous = anonymous,
            Description = "Pasien menunggu lebih dari lima jam tanpa kepastian jadwal pemeriksaan.",
        };
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Gede Arsana", "gede@example.com", "081337000111").Value!, []);
        return result.Report!.TrackingCode.ToString();
    }

    private Task CompleteAsync(string code, string taskKey, object variables, string actor) =>
        Support.CaseSteps.CompleteAsync(host.Services, code, taskKey, variables, actor);

    private async Task<Report> ReportAsync(string code)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    private async Task<T> Actions<T>(Func<ReporterActions, Task<T>> act)
    {
        using var scope = host.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<ReporterActions>());
    }

    [Fact]
    public async Task Verify_Respond_Reopen_Respond_Confirm_IsReflectedOnTheReport()
    {
        var code = await SubmitAsync();
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "inspektorat.ani");
        var disposed = await ReportAsync(code);
        Assert.Equal("dinkes", disposed.ResponsibleAgencyCode);
        Assert.Equal("Sedang ditindaklanjuti", disposed.Stage);
        Assert.Contains(disposed.Timeline, t => t.Kind == TimelineEntryKind.Disposed && t.AgencyCode == "dinkes");

        await CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Jadwal poli ditambah mulai Senin." }, "dinkes.budi");
        var answered = await ReportAsync(code);
        Assert.Equal(ReportStatus.AwaitingConfirmation, answered.Status);
        Assert.DoesNotContain(answered.Timeline, t => t.Kind == TimelineEntryKind.Closed);
        Assert.Contains(answered.Timeline, t => t.Kind == TimelineEntryKind.PublicResponse && t.PublicText == "Jadwal poli ditambah mulai Senin.");
        Assert.Contains(LaporProcess.ReportReopened, await Actions(a => a.AvailableAsync(code)));
        Assert.DoesNotContain(LaporProcess.ReporterReplied, await Actions(a => a.AvailableAsync(code)));

        Assert.Empty(await Actions(a => a.ReopenAsync(code, "Antrean masih lama minggu ini.")));
        var reopened = await ReportAsync(code);
        Assert.Equal(ReportStatus.Open, reopened.Status);
        Assert.Equal("Sedang ditindaklanjuti", reopened.Stage);

        await CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Ditambah dua dokter jaga." }, "dinkes.budi");
        Assert.Empty(await Actions(a => a.ConfirmAsync(code, 4, "Membaik")));
        var done = await ReportAsync(code);
        Assert.Equal("Selesai", done.Stage);
        Assert.Equal(ReportStatus.Closed, done.Status);
        Assert.Single(done.Timeline, t => t.Kind == TimelineEntryKind.Closed);
        Assert.Equal(4, done.Rating!.Stars);
        Assert.Empty(await Actions(a => a.AvailableAsync(code)));
    }

    [Fact]
    public async Task ForwardWithoutReason_IsRefused_AndNothingChanges()
    {
        var code = await SubmitAsync();
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "inspektorat.ani");
        await Assert.ThrowsAsync<WorkflowException>(() => CompleteAsync(code, "tindakLanjut", new { outcome = "forward", forwardTo = "dinsos", forwardReason = "" }, "dinkes.budi"));
        Assert.Equal("dinkes", (await ReportAsync(code)).ResponsibleAgencyCode);

        await CompleteAsync(code, "tindakLanjut", new { outcome = "forward", forwardTo = "dinsos", forwardReason = "Bantuan biaya berobat ditangani Dinas Sosial." }, "dinkes.budi");
        var forwarded = await ReportAsync(code);
        Assert.Equal("dinsos", forwarded.ResponsibleAgencyCode);
        Assert.Contains(forwarded.Timeline, t => t.Kind == TimelineEntryKind.Forwarded && t.AgencyCode == "dinsos");
    }

    [Fact]
    public async Task ReplyWhenNothingWasAsked_IsRefusedWithAClearMessage()
    {
        var code = await SubmitAsync();
        var errors = await Actions(a => a.ReplyAsync(code, "Ini data tambahan"));
        Assert.Contains("tidak dapat dilakukan", host.Services.GetRequiredService<IStringLocalizer<PortalText>>().Message(Assert.Single(errors)));

        await CompleteAsync(code, "verifikasi", new { decision = "hold", reason = "Mohon lampirkan foto antrean." }, "inspektorat.ani");
        Assert.Empty(await Actions(a => a.ReplyAsync(code, "Foto sudah saya kirim lewat email.")));
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = (await ReportAsync(code)).ProcessInstanceId;
        Assert.True(await db.Set<TaskRow>().AnyAsync(t => t.InstanceId == instanceId && t.TaskDefinitionKey == "verifikasi"));
    }

    [Fact]
    public async Task AnonymousReportersName_NeverReachesTheTimeline()
    {
        var code = await SubmitAsync(anonymous: true);
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "inspektorat.ani");
        await CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Terima kasih Bapak Gede Arsana (gede@example.com), sudah kami tangani." }, "dinkes.budi");
        var report = await ReportAsync(code);
        var text = string.Join(" ", report.Timeline.Select(t => t.PublicText));
        Assert.DoesNotContain("gede@example.com", text);
        Assert.DoesNotContain("Arsana", text);
    }

    [Fact]
    public async Task AgencyQuestion_IsPublishedForTheReporter_AndTheReplyReturnsTheTask()
    {
        var code = await SubmitAsync();
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "inspektorat.ani");
        await Assert.ThrowsAsync<WorkflowException>(() => CompleteAsync(code, "tindakLanjut", new { outcome = "ask", question = "" }, "dinkes.budi"));

        await CompleteAsync(code, "tindakLanjut", new { outcome = "ask", question = "Pukul berapa antrean terpanjang?" }, "dinkes.budi");
        var asked = await ReportAsync(code);
        Assert.Equal((TimelineEntryKind.InformationRequested, "Pukul berapa antrean terpanjang?", "dinkes.budi"),
            asked.Timeline.Where(t => t.Kind == TimelineEntryKind.InformationRequested).Select(t => (t.Kind, t.PublicText, t.Actor)).Single());
        Assert.Equal("Instansi menunggu data tambahan dari pelapor", asked.Stage);

        Assert.Empty(await Actions(a => a.ReplyAsync(code, "Sekitar pukul 08.00 WITA.")));
        Assert.Equal("Sedang ditindaklanjuti", (await ReportAsync(code)).Stage);
    }

    [Fact]
    public async Task VerifierHold_PublishesTheReasonAsAQuestion()
    {
        var code = await SubmitAsync();
        await CompleteAsync(code, "verifikasi", new { decision = "hold", reason = "Mohon sebutkan nama puskesmas." }, "inspektorat.ani");
        Assert.Contains((await ReportAsync(code)).Timeline, t => t.Kind == TimelineEntryKind.InformationRequested && t.PublicText == "Mohon sebutkan nama puskesmas.");
    }

    [Fact]
    public async Task ArchivedReport_TellsTheReporterWhy_WhenTheVerifierSaidSo()
    {
        var code = await SubmitAsync(anonymous: true);
        await CompleteAsync(code, "verifikasi",
            new { decision = "archive", archiveReason = "duplicate", reason = "Sama dengan laporan Bapak Gede Arsana yang sudah ditangani." }, "inspektorat.ani");

        var report = await ReportAsync(code);
        Assert.Equal(ReportStatus.Closed, report.Status);
        var explanation = Assert.Single(report.Timeline, t => t.Kind == TimelineEntryKind.Explanation);
        Assert.Equal("Sama dengan laporan Bapak [disamarkan] yang sudah ditangani.", explanation.PublicText);
        Assert.True(report.Timeline.ToList().IndexOf(explanation) < report.Timeline.ToList().FindIndex(t => t.Kind == TimelineEntryKind.Closed));

        var silent = await SubmitAsync();
        await CompleteAsync(silent, "verifikasi", new { decision = "archive", archiveReason = "hoax" }, "inspektorat.ani");
        Assert.DoesNotContain((await ReportAsync(silent)).Timeline, t => t.Kind == TimelineEntryKind.Explanation);
    }
}
