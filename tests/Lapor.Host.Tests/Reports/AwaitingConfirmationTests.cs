using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// An answered report waits for its reporter: not closed until the reporter confirms or the quiet period ends, and
/// every view (tracking page, public list, API, staff) says so.
/// </summary>
public sealed class AwaitingConfirmationTests(ClockedReportsHost host) : IClassFixture<ClockedReportsHost>
{
    private const string Answered = "Sudah ditanggapi, menunggu konfirmasi pelapor";

    [Fact]
    public async Task AnsweredReport_WaitsForTheReporter_UntilTheQuietPeriodClosesIt()
    {
        var code = await AnsweredReportAsync();

        var waiting = await ReportAsync(code);
        Assert.Equal((ReportStatus.AwaitingConfirmation, Answered), (waiting.Status, waiting.Stage));
        Assert.Null(waiting.ClosedAt);
        Assert.DoesNotContain(waiting.Timeline, t => t.Kind == TimelineEntryKind.Closed);
        Assert.Equal(TimelineEntryKind.AwaitingConfirmation, waiting.Timeline[^1].Kind);

        using var client = host.CreateClient();
        var tracked = await client.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}");
        Assert.Equal("AwaitingConfirmation", tracked.GetProperty("status").GetString());
        var page = await client.GetStringAsync($"/Lacak/{code}");
        Assert.Contains("Menunggu konfirmasi Anda", page);
        Assert.DoesNotContain("Laporan ditutup", page);
        Assert.DoesNotContain(">Ditutup<", page);
        var list = await client.GetStringAsync($"/Laporan?q={Uri.EscapeDataString("Gatot Subroto")}");
        var line = System.Text.RegularExpressions.Regex.Match(list, $"data-code=\"{code}\">.*?</li>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Menunggu konfirmasi pelapor</span>", line);
        var open311 = await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{code}.json");
        Assert.Equal("open", open311[0].GetProperty("status").GetString());

        // Ten working days without a word from the reporter: now it is closed, automatically.
        await host.AdvanceAsync(TimeSpan.FromDays(16));
        var closed = await ReportAsync(code);
        Assert.Equal((ReportStatus.Closed, "Selesai (ditutup otomatis)"), (closed.Status, closed.Stage));
        Assert.NotNull(closed.ClosedAt);
        Assert.Single(closed.Timeline, t => t.Kind == TimelineEntryKind.Closed);
        Assert.Empty(await Actions(a => a.AvailableAsync(code)));
    }

    [Fact]
    public async Task TheReporterConfirmsWithARating_AndOnlyThenIsTheReportClosed()
    {
        var code = await AnsweredReportAsync();
        Assert.Equal([LaporProcess.ReportReopened, LaporProcess.ReporterConfirmed], (await Actions(a => a.AvailableAsync(code))).Order(StringComparer.Ordinal));

        Assert.Empty(await Actions(a => a.ConfirmAsync(code, 5, "Lampu sudah menyala lagi.")));

        var closed = await ReportAsync(code);
        Assert.Equal((ReportStatus.Closed, "Selesai"), (closed.Status, closed.Stage));
        Assert.Equal(new Rating(5, "Lampu sudah menyala lagi.", closed.Rating!.RatedAt), closed.Rating);
        Assert.Equal([TimelineEntryKind.AwaitingConfirmation, TimelineEntryKind.Rated, TimelineEntryKind.StageChanged, TimelineEntryKind.Closed],
            closed.Timeline.SkipWhile(t => t.Kind != TimelineEntryKind.AwaitingConfirmation).Select(t => t.Kind));

        // The reporter reads their own comment back; the public page does not show it.
        using var client = host.CreateClient();
        var own = await client.GetStringAsync($"/Lacak/{code}");
        Assert.Contains("Lampu sudah menyala lagi.", own);
        Assert.Contains("Laporan sudah ditutup dan Anda sudah memberi penilaian.", own);
        Assert.DoesNotContain("setelah laporan ditanggapi", own);
        Assert.DoesNotContain("Lampu sudah menyala lagi.", await client.GetStringAsync($"/Laporan/{code}"));
    }

    [Fact]
    public async Task ReopeningFromTheWait_OpensTheReportAgain_AndIsNotOfferedTwice()
    {
        var code = await AnsweredReportAsync();

        Assert.Empty(await Actions(a => a.ReopenAsync(code, "Lampu padam lagi malam ini.")));

        var reopened = await ReportAsync(code);
        Assert.Equal((ReportStatus.Open, "Sedang ditindaklanjuti"), (reopened.Status, reopened.Stage));
        Assert.Null(reopened.ClosedAt);
        var refused = await Actions(a => a.ReopenAsync(code, "Sekali lagi."));
        Assert.Equal("Action", Assert.Single(refused).Field);
    }

    private async Task<string> AnsweredReportAsync()
    {
        using var scope = host.Services.CreateScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Lampu jalan padam di Jalan Gatot Subroto", CategoryCode = "jalan",
            Description = "Sudah seminggu lampu jalan padam sehingga jalan gelap dan rawan kecelakaan.",
        };
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Made Sudana", "made.sudana@example.com", null).Value!, []);
        var code = result.Report!.TrackingCode.ToString();
        await Support.CaseSteps.CompleteAsync(host.Services, code, "verifikasi", new { decision = "verify", agency = "puprkim" }, "koordinator");
        await Support.CaseSteps.CompleteAsync(host.Services, code, "tindakLanjut", new { outcome = "respond", response = "Lampu sudah diganti." }, "puprkim.petugas");
        return code;
    }

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
}
