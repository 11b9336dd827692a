using System.Net;
using Lapor.Host.Audit.Viewer;
using Lapor.Host.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Audit;

/// <summary>The instance viewer rebuilds path, counts and journal from history, filters the journal, and is read-only and role-bound.</summary>
public sealed class InstanceViewerTests(AuditHost host) : IClassFixture<AuditHost>
{
    private async Task<InstanceView> ViewAsync(string instanceId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<InstanceViews>().LoadAsync(instanceId))!;
    }

    [Fact]
    public async Task FinishedCase_HasItsPathCountsAndJournal_OnThePinnedVersion()
    {
        var report = await host.FinishedAsync();
        var view = await ViewAsync(report.ProcessInstanceId!);

        Assert.Equal("lapor-pengaduan", view.DefinitionKey);
        Assert.Equal("Completed", view.Status);
        Assert.Contains("verifikasi", view.CompletedNodes);
        Assert.Contains("tindakLanjut", view.CompletedNodes);
        Assert.DoesNotContain("eskalasi", view.CompletedNodes);
        Assert.Empty(view.ActiveNodes);
        Assert.NotEmpty(view.TakenFlows);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Drawn from what the engine recorded on each activity start, not guessed from node order.
            var db = scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>();
            var recorded = (await new Lapor.Workflows.History.HistoryEvents(db).OfChainAsync(report.ProcessInstanceId!))
                .Where(h => h.Kind == Lapor.Workflows.History.HistoryEventKind.ActivityStarted && h.Value != null)
                .Select(h => h.Value!).Distinct().Order(StringComparer.Ordinal).ToList();
            Assert.Equal(recorded, view.TakenFlows);
        }
        Assert.Equal(new NodeCounts(1, 1, 0, 0), view.Nodes["verifikasi"]);
        Assert.All(view.Nodes.Values, n => Assert.Equal(n.Entered, n.Completed + n.Waiting + n.Canceled));

        var verified = Assert.Single(view.Journal, s => s.Kind == "TaskCompleted" && s.NodeId == "verifikasi");
        Assert.Equal("koordinator", verified.Actor);
        Assert.NotNull(verified.Duration);
        Assert.Contains(view.Journal, s => s.Kind == "VariableSet" && s.Variables == "decision = verify");
        Assert.Contains(view.Journal, s => s.Stage is not null);
        Assert.Equal(view.Journal.Select(s => s.Seq), Enumerable.Range(1, view.Journal.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task ChainWrittenBeforeFlowsWereRecorded_StillShowsItsPath_ByInference()
    {
        var report = await host.FinishedAsync();
        var recorded = (await ViewAsync(report.ProcessInstanceId!)).TakenFlows;
        // A node start without the flow that led to it, as history was written before flows were recorded.
        Assert.True(await RecordTampering.EditEventsAsync(host, report.ProcessInstanceId!, e =>
        {
            if (e.Kind == Lapor.Workflows.History.HistoryEventKind.ActivityStarted)
                e.Value = null;
        }) > 0);

        var inferred = (await ViewAsync(report.ProcessInstanceId!)).TakenFlows;

        Assert.NotEmpty(inferred);
        Assert.Equal(recorded, inferred);
    }

    [Fact]
    public async Task RunningCase_MarksTheWaitingToken()
    {
        var report = await host.SubmitAsync();
        var view = await ViewAsync(report.ProcessInstanceId!);
        Assert.Contains("verifikasi", view.ActiveNodes);
        Assert.Equal(1, view.Nodes["verifikasi"].Waiting);
    }

    [Fact]
    public async Task Page_ShowsTheDiagramDataAndFiltersTheJournal()
    {
        var report = await host.FinishedAsync();
        var code = report.TrackingCode.ToString();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var page = await auditor.Client.GetStringAsync($"/Audit/Kasus/{code}");
        Assert.Contains("id=\"instance-data\"", page);
        Assert.Contains("data-kind=\"TaskCompleted\"", page);
        Assert.Contains("data-kind=\"VariableSet\"", page);
        Assert.Contains($"kasus={code}&amp;format=xlsx", page);
        Assert.DoesNotContain("<form method=\"post\"", page.Split("id=\"isi\"")[1]);

        var tasks = await auditor.Client.GetStringAsync($"/Audit/Kasus/{code}?jenis=task&aktor=koordinator");
        Assert.Contains("data-kind=\"TaskCompleted\"", tasks);
        Assert.DoesNotContain("data-kind=\"VariableSet\"", tasks);

        var byInstance = await auditor.Client.GetAsync($"/Audit/Kasus/{report.ProcessInstanceId}");
        Assert.Equal(HttpStatusCode.OK, byInstance.StatusCode);
        var fromForm = await auditor.Client.GetAsync($"/Audit/Kasus?kasus={code}");
        Assert.Equal($"/Audit/Kasus/{code}", fromForm.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Journal_SpeaksThePagesLanguage_WithSeconds()
    {
        var report = await host.FinishedAsync();
        var code = report.TrackingCode.ToString();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var indonesian = WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Kasus/{code}"));
        Assert.Contains("<span class=\"badge text-bg-light\">Tugas diselesaikan</span>", indonesian);
        Assert.Contains("data-status=\"Completed\">Selesai</span>", indonesian);
        Assert.DoesNotContain(">TaskCompleted<", indonesian);
        Assert.Matches(@"<td class=""text-nowrap"">\d{1,2} \w+ \d{4} \d{2}:\d{2}:\d{2} WITA</td>", indonesian);
        Assert.Contains("<th class=\"text-nowrap\">#</th>", indonesian);

        using var language = await auditor.PostFormAsync("/", "/Bahasa", new() { ["bahasa"] = "en", ["kembali"] = "/" });
        var english = WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Kasus/{code}"));
        Assert.Contains("<span class=\"badge text-bg-light\">Task completed</span>", english);
        Assert.Contains("data-status=\"Completed\">Completed</span>", english);
    }

    [Fact]
    public async Task Ombudsman_SeesEscalatedCasesOnly()
    {
        var plain = (await host.AnsweredAsync()).TrackingCode.ToString();
        var escalated = (await host.EscalatedAsync()).TrackingCode.ToString();
        using var ombudsman = await Browser.SignedInAsync(host, "ombudsman", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await ombudsman.Client.GetAsync($"/Audit/Kasus/{plain}")).StatusCode);
        var page = await ombudsman.Client.GetStringAsync($"/Audit/Kasus/{escalated}");
        Assert.Contains("data-node=\"eskalasi\"", page);
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    public async Task ReporterAndOfficer_AreRefused(string user)
    {
        var code = (await host.AnsweredAsync()).TrackingCode.ToString();
        using var browser = await Browser.SignedInAsync(host, user, Browser.DemoPassword);
        var response = await browser.Client.GetAsync($"/Audit/Kasus/{code}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Status/403", response.Headers.Location!.OriginalString);
    }
}
