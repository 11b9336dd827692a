using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// Release 1 marked an answered report "Closed" while its process still waited for the reporter. After the upgrade
/// such a report waits for its reporter's confirmation, its "closed" step is the waiting step, and its process (still
/// on the version release 1 deployed) goes on: reopened, answered again, confirmed, closed.
/// </summary>
public sealed class ReleaseOneAwaitingConfirmationTests
{
    private const string Answered = "LPR-FCE7-C2AQ-XS";
    private const string Completed = "LPR-PB9D-9FGW-F4";
    private const string Archived = "LPR-JA7A-H3Y6-9Q";

    [Fact]
    public async Task AReportReleaseOneClosedOnTheAnswer_AwaitsConfirmationAfterTheUpgrade_AndClosesOnlyWhenConfirmed()
    {
        var folder = ReleaseOneFolder.Copy();
        var file = Path.Combine(folder, "lapor.db");
        Assert.Equal(["Closed", "Closed", "Closed"], ReleaseOneFolder.Strings(file,
            $"SELECT Status FROM report WHERE TrackingCode IN ('{Answered}', '{Completed}', '{Archived}')"));
        try
        {
            await using var host = LaporHostFactory.On(folder);
            using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
            var tracked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{Answered}");
            Assert.Equal("AwaitingConfirmation", tracked.GetProperty("status").GetString());

            var waiting = await ReportAsync(host, Answered);
            Assert.Equal(ReportStatus.AwaitingConfirmation, waiting.Status);
            Assert.Null(waiting.ClosedAt);
            Assert.DoesNotContain(waiting.Timeline, t => t.Kind == TimelineEntryKind.Closed);
            Assert.Equal((TimelineEntryKind.AwaitingConfirmation, "Laporan sudah ditanggapi dan menunggu konfirmasi pelapor."),
                (waiting.Timeline[^1].Kind, waiting.Timeline[^1].PublicText));
            Assert.DoesNotContain("Laporan ditutup", await anonymous.GetStringAsync($"/Lacak/{Answered}"));
            // Cases that really ended stay closed.
            Assert.Equal(ReportStatus.Closed, (await ReportAsync(host, Completed)).Status);
            Assert.Equal(ReportStatus.Closed, (await ReportAsync(host, Archived)).Status);

            Assert.Empty(await ActAsync(host, a => a.ReopenAsync(Answered, "Antrean masih panjang setelah pembaruan.")));
            Assert.Equal(ReportStatus.Open, (await ReportAsync(host, Answered)).Status);
            await CaseSteps.CompleteAsync(host.Services, Answered, "tindakLanjut", new { outcome = "respond", response = "Loket ditambah satu lagi." }, "dinkes.petugas");
            // Release 1's version still says reportStatus=closed at the wait: read as waiting for the reporter.
            Assert.Equal(ReportStatus.AwaitingConfirmation, (await ReportAsync(host, Answered)).Status);

            Assert.Empty(await ActAsync(host, a => a.ConfirmAsync(Answered, 4, "Sudah lebih cepat.")));
            var closed = await ReportAsync(host, Answered);
            Assert.Equal((ReportStatus.Closed, "Selesai"), (closed.Status, closed.Stage));
            Assert.NotNull(closed.ClosedAt);
            Assert.Single(closed.Timeline, t => t.Kind == TimelineEntryKind.Closed);
        }
        finally
        {
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    private static async Task<Report> ReportAsync(LaporHostFactory host, string code)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    private static async Task<IReadOnlyList<FieldError>> ActAsync(LaporHostFactory host, Func<ReporterActions, Task<IReadOnlyList<FieldError>>> act)
    {
        using var scope = host.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<ReporterActions>());
    }
}
