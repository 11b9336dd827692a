using System.Net;
using Lapor.Domain.Reports;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>
/// "Kemungkinan duplikat" on the task page and "Tautkan sebagai duplikat": what linking records, how the primary's
/// answer then reaches the duplicate's reporter, and every link that is refused (changing nothing).
/// </summary>
public sealed class DuplicateLinkTests(DuplicatesHost host) : IClassFixture<DuplicatesHost>
{
    private static Task<HttpResponseMessage> LinkAsync(Browser browser, string taskId, string primary) =>
        browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=LinkDuplicate", new() { ["primary"] = primary });

    private static async Task<string> ClaimAsync(Browser officer, string taskId)
    {
        var claimed = await officer.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Claim", []);
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        return taskId;
    }

    [Fact]
    public async Task TheTaskPage_ListsTheLikelyDuplicate_AndLinkingJoinsTheReportsEndsTheTaskAndIsLogged()
    {
        var primary = await host.AtAgencyAsync("Antrean loket Puskesmas Sukawati sangat lama", "primer.satu@example.com");
        var duplicate = await host.AtAgencyAsync("Loket Puskesmas Sukawati antrean lama sekali", "duplikat.satu@example.com");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        var taskId = await ClaimAsync(officer, (await host.OpenTaskOfAsync(duplicate))!);

        var page = await officer.Client.GetStringAsync($"/Tugas/{taskId}");
        Assert.Contains("Kemungkinan duplikat", page);
        Assert.Contains($"data-duplicate-candidate=\"{primary}\"", page);
        Assert.DoesNotContain($"data-duplicate-candidate=\"{duplicate}\"", page);

        var linked = await LinkAsync(officer, taskId, primary);

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var joined = await host.ReportAsync(duplicate);
        var main = await host.ReportAsync(primary);
        Assert.Equal(main.Id, joined.DuplicateOfId);
        Assert.Equal(ReportStatus.Open, joined.Status);
        Assert.Contains(joined.Timeline, t => t.Kind == TimelineEntryKind.MergedInto && t.PublicText.Contains(primary) && t.Actor == "dinkes.petugas");
        var linkedEntry = Assert.Single(main.Timeline, t => t.Kind == TimelineEntryKind.DuplicateLinked);
        Assert.DoesNotContain(duplicate, linkedEntry.PublicText);
        Assert.Null(await host.OpenTaskOfAsync(duplicate));
        var instance = await host.InstanceAsync(duplicate);
        Assert.Equal(InstanceStatus.ExternallyTerminated, instance.Status);
        Assert.Contains(await host.UserOperationsAsync(instance.Id, WorkflowEngine.CancelOperation), h => h.InstanceId == instance.Id && h.Actor == "dinkes.petugas");
        Assert.Contains(await host.UserOperationsAsync(Deployer.EngineChain, "LinkDuplicate"), h => h.Value == $"{duplicate} -> {primary}" && h.Actor == "dinkes.petugas");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Client.GetAsync($"/Tugas/{taskId}")).StatusCode);
        Assert.Contains(primary, await Browser.Open(host).Client.GetStringAsync($"/Lacak/{duplicate}"));

        // An English reader is told the joining in English (the step stores the primary's code, not a sentence; decision 030).
        var english = await Browser.Open(host).Client.GetStringAsync($"/Lacak/{duplicate}?culture=en-US");
        Assert.Contains($"This report was joined to report {primary}", english);
        Assert.DoesNotContain("Laporan ini digabung dengan laporan", english);
    }

    [Fact]
    public async Task ThePrimarysAnswerAndClosing_ReachTheDuplicatesReporter_WithoutThePrimaryReportersIdentity()
    {
        var primary = await host.AtAgencyAsync("Obat habis di Puskesmas Tampaksiring", "primer.dua@example.com", reporterName: "Nyoman Sukerta", phone: "081337000999");
        var duplicate = await host.AtAgencyAsync("Stok obat Puskesmas Tampaksiring kosong", "duplikat.dua@example.com");
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var taskId = (await host.OpenTaskOfAsync(duplicate))!;
        await coordinator.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=TakeOver", []);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(coordinator, taskId, primary)).StatusCode);

        await host.RespondAsync(primary, "Stok obat sudah dikirim hari ini. Bapak Nyoman Sukerta dapat menghubungi 0813 3700 0999.", "dinkes.petugas");

        var joined = await host.ReportAsync(duplicate);
        var answer = Assert.Single(joined.Timeline, t => t.Kind == TimelineEntryKind.PublicResponse);
        Assert.StartsWith("Stok obat sudah dikirim hari ini.", answer.PublicText);
        Assert.DoesNotContain("Sukerta", answer.PublicText);
        Assert.DoesNotContain("0999", answer.PublicText);
        var tracking = await Browser.Open(host).Client.GetStringAsync($"/Lacak/{duplicate}");
        Assert.Contains("Stok obat sudah dikirim hari ini.", tracking);
        Assert.DoesNotContain("Sukerta", tracking);
        Assert.Contains(await host.OutboxToAsync("duplikat.dua@example.com"), m => m.Template == "reporter.answered" && m.Body != null && m.Body.Contains(duplicate));

        await host.ConfirmIfWaitingAsync(primary);
        Assert.Equal(ReportStatus.Closed, (await host.ReportAsync(duplicate)).Status);
        Assert.Contains(await host.OutboxToAsync("duplikat.dua@example.com"), m => m.Template == "reporter.closed");
    }

    [Fact]
    public async Task SelfLinksChainsCyclesConfidentialPrimariesAndOtherAgenciesReports_AreRefused_AndChangeNothing()
    {
        var primary = await host.AtAgencyAsync("Ambulans Puskesmas Payangan tidak datang", "primer.tiga@example.com");
        var duplicate = await host.AtAgencyAsync("Ambulans Payangan terlambat datang", "duplikat.tiga@example.com");
        var third = await host.AtAgencyAsync("Ambulans Puskesmas Payangan lambat", "ketiga.tiga@example.com");
        var confidential = await host.AtAgencyAsync("Ambulans Payangan minta bayaran", "rahasia.tiga@example.com", confidential: true);
        var elsewhere = await host.AtAgencyAsync("Ambulans Payangan terjebak jalan rusak", "lain.tiga@example.com", agency: "puprkim");
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        var duplicateTask = await ClaimAsync(officer, (await host.OpenTaskOfAsync(duplicate))!);
        Assert.DoesNotContain($"data-duplicate-candidate=\"{elsewhere}\"", await officer.Client.GetStringAsync($"/Tugas/{duplicateTask}"));

        async Task RefusedAsync(Browser who, string taskId, string target, string message)
        {
            var response = await LinkAsync(who, taskId, target);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        await RefusedAsync(officer, duplicateTask, duplicate, "Laporan tidak dapat ditautkan ke dirinya sendiri.");
        await RefusedAsync(officer, duplicateTask, elsewhere, $"Laporan {elsewhere} tidak ada di antara laporan yang Anda tangani.");
        await RefusedAsync(officer, duplicateTask, "LPR-2222-2222-22", "Laporan LPR-2222-2222-22 tidak ada di antara laporan yang Anda tangani.");
        await RefusedAsync(officer, duplicateTask, confidential, $"Laporan {confidential} bersifat rahasia dan tidak dapat menjadi laporan utama.");
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await LinkAsync(auditor, duplicateTask, primary)).StatusCode);
        Assert.Null((await host.ReportAsync(duplicate)).DuplicateOfId);
        Assert.NotNull(await host.OpenTaskOfAsync(duplicate));

        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(officer, duplicateTask, primary)).StatusCode);
        // No chains: nothing joins a duplicate; no cycles: a primary with duplicates is not joined to anything.
        var thirdTask = await ClaimAsync(officer, (await host.OpenTaskOfAsync(third))!);
        await RefusedAsync(officer, thirdTask, duplicate, $"Laporan {duplicate} sendiri adalah duplikat; tautkan ke laporan utamanya.");
        var primaryTask = (await host.OpenTaskOfAsync(primary))!;
        await coordinator.PostFormAsync($"/Tugas/{primaryTask}", $"/Tugas/{primaryTask}?handler=TakeOver", []);
        await RefusedAsync(coordinator, primaryTask, third, $"Laporan {primary} sudah menjadi laporan utama bagi laporan lain, sehingga tidak dapat dijadikan duplikat.");
        Assert.Null((await host.ReportAsync(third)).DuplicateOfId);
        Assert.Null((await host.ReportAsync(primary)).DuplicateOfId);
        Assert.Single((await host.ReportAsync(primary)).Timeline, t => t.Kind == TimelineEntryKind.DuplicateLinked);
    }
}
