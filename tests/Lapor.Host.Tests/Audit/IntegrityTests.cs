using System.Net;
using Lapor.Host.Audit;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Audit;

/// <summary>History records edited or deleted straight in the database are found, and the first broken link is named.</summary>
public sealed class IntegrityTests(AuditHost host) : IClassFixture<AuditHost>
{
    private async Task<(string Code, string Chain, long LastSeq)> CaseAsync()
    {
        var report = await host.AnsweredAsync();
        var last = await host.WithDbAsync(db => db.Set<HistoryChainRow>().Where(c => c.ChainId == report.ProcessInstanceId).Select(c => c.LastSeq).SingleAsync());
        return (report.TrackingCode.ToString(), report.ProcessInstanceId!, last);
    }

    private async Task<(int Exit, string Output)> CommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await VerifyHistoryCommand.RunAsync(host.Services, [VerifyHistoryCommand.Verb, .. args], output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task IntactCase_VerifiesOnThePageAndInTheCommand()
    {
        var (code, chain, last) = await CaseAsync();
        var (exit, output) = await CommandAsync("--instance", code);
        Assert.Equal(0, exit);
        Assert.Contains($"{last} row(s) checked; 0 broken", output);

        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var page = await auditor.Client.GetStringAsync($"/Audit/Integritas?kasus={code}");
        Assert.Contains("data-intact=\"true\"", page);
        Assert.Contains($"Rantai {chain} utuh: {last} baris diperiksa.", page);
    }

    [Fact]
    public async Task EditedRow_IsTheFirstBrokenLink_ForVerifierPageAndCommand()
    {
        var (code, chain, _) = await CaseAsync();
        Assert.Equal(1, await RecordTampering.EditEventAsync(host, chain, 3, e => e.Actor = "mallory"));

        var result = await host.WithDbAsync(db => new HistoryVerifier(db).VerifyAsync(chain));
        Assert.False(result.Intact);
        // Event 3 was written by the submission's command, events 1 to its end, packed in one record (decision 031).
        Assert.Equal(1, result.BrokenAtSeq);
        Assert.Contains("was changed after it was written", result.Problem);

        var (exit, output) = await CommandAsync("--instance", chain);
        Assert.Equal(1, exit);
        Assert.Contains($"BROKEN chain {chain} at seq 1: one of events 1–", output);

        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var page = WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Integritas?kasus={code}"));
        Assert.Contains($"Rantai {code} putus pada baris 1:", page);
    }

    [Fact]
    public async Task DeletedRows_InTheMiddleOrAtTheEnd_AreNamed()
    {
        var (_, middle, _) = await CaseAsync();
        var records = await RecordTampering.RecordsAsync(host, middle);
        Assert.True(records.Count >= 3, $"{records.Count} records");
        var (gone, next) = (records[1].Seq, records[2].Seq);
        await host.SqlAsync($"DELETE FROM {await RecordTampering.TableOfAsync(host, middle, gone)} WHERE ChainId = {{0}} AND Seq = {{1}}", CompactIdConverter.ToBytes(middle), gone);
        var (exit, output) = await CommandAsync("--instance", middle);
        Assert.Equal(1, exit);
        Assert.Contains($"BROKEN chain {middle} at seq {gone}: events {gone}–{next - 1} are missing", output);

        var (_, end, _) = await CaseAsync();
        var newest = (await RecordTampering.RecordsAsync(host, end))[^1].Seq;
        await host.SqlAsync($"DELETE FROM {await RecordTampering.TableOfAsync(host, end, newest)} WHERE ChainId = {{0}} AND Seq = {{1}}", CompactIdConverter.ToBytes(end), newest);
        var tail = await host.WithDbAsync(db => new HistoryVerifier(db).VerifyAsync(end));
        Assert.Equal(newest, tail.BrokenAtSeq);
        Assert.Contains("events at the end were removed", tail.Problem);
    }

    [Fact]
    public async Task AChainCutConsistently_PassesVerification_ButNotTheAuditorsAnchorCopy()
    {
        var (_, chain, last) = await CaseAsync();
        var anchorFile = Path.Combine(host.DataDirectory, $"anchor-{Guid.NewGuid():N}.json");
        var (written, writeOutput) = await CommandAsync("--instance", chain, "--write-anchor", anchorFile);
        Assert.Equal(0, written);
        Assert.Contains("chain head(s) to", writeOutput);
        var (intact, intactOutput) = await CommandAsync("--instance", chain, "--against", anchorFile);
        Assert.Equal(0, intact);
        Assert.Contains("1 anchored head(s) compared; 0 no longer match", intactOutput);

        // Someone with write access removes the newest command's record AND moves the head back to the record before:
        // the chain itself still verifies.
        var records = await RecordTampering.RecordsAsync(host, chain);
        var (newest, previous) = (records[^1], records[^2]);
        await host.SqlAsync($"DELETE FROM {await RecordTampering.TableOfAsync(host, chain, newest.Seq)} WHERE ChainId = {{0}} AND Seq = {{1}}", CompactIdConverter.ToBytes(chain), newest.Seq);
        await host.SqlAsync("UPDATE wf_history_chain SET LastSeq = {0}, LastHash = {1} WHERE ChainId = {2}", newest.Seq - 1, previous.Seal, chain);
        Assert.True((await host.WithDbAsync(db => new HistoryVerifier(db).VerifyAsync(chain))).Intact);

        var (exit, output) = await CommandAsync("--instance", chain, "--against", anchorFile);
        Assert.Equal(1, exit);
        Assert.Contains($"ANCHOR chain {chain} at seq {last}: the anchored row is missing", output);
        Assert.Equal(2, (await CommandAsync("--against", Path.Combine(host.DataDirectory, "no-such-anchor.json"))).Exit);
    }

    [Fact]
    public async Task CheckingAllChains_ListsEveryBrokenChain_ByItsReportCode_AndExitsNonZero()
    {
        var (code, chain, _) = await CaseAsync();
        Assert.Equal(1, await RecordTampering.EditEventAsync(host, chain, 5, e => e.Value = "diubah"));

        // Event 5 belongs to the submission's command, whose record begins at 1 (decision 031).
        var (exit, output) = await CommandAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"BROKEN chain {chain} at seq 1", output);

        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var page = WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync("/Audit/Integritas?semua=true"));
        Assert.Contains("id=\"progress\"", page);
        Assert.Contains($"<code>{chain}</code>", page);
        Assert.Contains($"<a href=\"/Audit/Kasus/{code}\" class=\"text-nowrap\">{code}</a>", page);
        Assert.Contains("<td>1</td>", page);
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    public async Task ReporterAndOfficer_AreRefused(string user)
    {
        using var browser = await Browser.SignedInAsync(host, user, Browser.DemoPassword);
        var response = await browser.Client.GetAsync("/Audit/Integritas?semua=true");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/Status/403", response.Headers.Location!.OriginalString);
    }
}
