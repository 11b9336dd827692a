using System.Text.RegularExpressions;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// Each way into the escalation says why, to the citizen and in the staff inbox: a case passed on three times is not
/// reported as late, and a late one is.
/// </summary>
public sealed partial class EscalationStageTests(ClockedReportsHost host) : IClassFixture<ClockedReportsHost>
{
    private const string TooManyForwards = "Dieskalasi: diteruskan berulang kali";
    private const string DeadlinePassed = "Dieskalasi: melewati batas waktu";

    [Fact]
    public async Task ACaseForwardedThreeTimes_ShowsTheForwardingEscalation_ToTheCitizenAndInTheInbox()
    {
        var code = await VerifiedReportAsync("dinkes");
        await ForwardAsync(code, "dinkes", "puprkim");
        await ForwardAsync(code, "puprkim", "dishub");
        Assert.Equal("Sedang ditindaklanjuti", (await ReportAsync(code)).Stage);
        await ForwardAsync(code, "dishub", "dklh");

        Assert.Equal(TooManyForwards, (await ReportAsync(code)).Stage);
        using var client = host.CreateClient();
        Assert.Contains(TooManyForwards, StageOnTrackingPage(await client.GetStringAsync($"/Lacak/{code}")));
        Assert.Contains("Escalated: forwarded too many times", StageOnTrackingPage(await client.GetStringAsync($"/Lacak/{code}?culture=en-US")));

        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var row = InboxRowOf(await coordinator.Client.GetStringAsync($"/Tugas?cari={code}"), code);
        Assert.Contains(TooManyForwards, row);
        Assert.DoesNotContain(DeadlinePassed, row);
    }

    [Fact]
    public async Task ACaseLeftPastItsDeadline_ShowsTheDeadlineEscalation_AfterTheReminderChangedNothing()
    {
        var code = await VerifiedReportAsync("dinkes");

        // Four working days: the agency is reminded, the citizen still reads that it is being handled.
        await host.AdvanceAsync(TimeSpan.FromDays(4));
        Assert.Equal("Sedang ditindaklanjuti", (await ReportAsync(code)).Stage);

        await host.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Equal(DeadlinePassed, (await ReportAsync(code)).Stage);
        using var client = host.CreateClient();
        Assert.Contains("Escalated: deadline passed", StageOnTrackingPage(await client.GetStringAsync($"/Lacak/{code}?culture=en-US")));
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        Assert.Contains(DeadlinePassed, InboxRowOf(await coordinator.Client.GetStringAsync($"/Tugas?cari={code}"), code));

        // The coordinator hands it back to an agency: handling again, whichever way it came.
        await Support.CaseSteps.CompleteAsync(host.Services, code, "eskalasi", new { agency = "dinkes", escalationNote = "Segera ditangani." }, "koordinator");
        Assert.Equal("Sedang ditindaklanjuti", (await ReportAsync(code)).Stage);
    }

    private async Task<string> VerifiedReportAsync(string agency)
    {
        using var scope = host.Services.CreateScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Sampah medis dibuang di sungai", CategoryCode = "kesehatan",
            Description = "Limbah jarum suntik terlihat di aliran Tukad Badung dekat permukiman.",
        };
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Nengah Suarta", "nengah.suarta@example.com", null).Value!, []);
        var code = result.Report!.TrackingCode.ToString();
        await Support.CaseSteps.CompleteAsync(host.Services, code, "verifikasi", new { decision = "verify", agency }, "koordinator");
        return code;
    }

    private Task ForwardAsync(string code, string from, string to) =>
        Support.CaseSteps.CompleteAsync(host.Services, code, "tindakLanjut",
            new { outcome = "forward", forwardTo = to, forwardReason = $"Bukan wewenang {from}." }, $"{from}.petugas");

    private async Task<Report> ReportAsync(string code)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    private static string StageOnTrackingPage(string html) => StagePanel().Match(html).Groups[1].Value;

    private static string InboxRowOf(string html, string code) =>
        TableRows().Matches(html).Select(m => m.Value).Single(row => row.Contains(code));

    [GeneratedRegex("id=\"tahap-laporan\">([^<]*)<")]
    private static partial Regex StagePanel();

    [GeneratedRegex("<tr [^>]*data-task=\"[^\"]+\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRows();
}
