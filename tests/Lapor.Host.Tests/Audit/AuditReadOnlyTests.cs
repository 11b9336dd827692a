using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Audit;

/// <summary>Every audit page and download is a read: history, tasks, instances and reports are the same afterwards.</summary>
public sealed class AuditReadOnlyTests(AuditHost host) : IClassFixture<AuditHost>
{
    [Theory]
    [InlineData("auditor")]
    [InlineData("ombudsman")]
    public async Task VisitingEveryAuditPage_ChangesNothing(string user)
    {
        var finished = await host.FinishedAsync();
        var escalated = await host.EscalatedAsync();
        var before = await SnapshotAsync();

        using var browser = await Browser.SignedInAsync(host, user, Browser.DemoPassword);
        foreach (var code in new[] { finished.TrackingCode.ToString(), escalated.TrackingCode.ToString() })
        {
            foreach (var url in new[]
                     {
                         "/Audit", $"/Audit/Kasus/{code}", $"/Audit/Kasus/{code}?jenis=task", $"/Audit/Integritas?kasus={code}", "/Audit/Integritas?semua=true",
                         "/Audit/Kinerja", "/Audit/Kinerja?handler=Csv", "/Audit/Kinerja?handler=Xlsx", "/Audit/Ekspor",
                         $"/Audit/Ekspor?handler=Download&kasus={code}&format=json", $"/Audit/Ekspor?handler=Download&kasus={code}&format=xlsx",
                         "/Audit/Ekspor?handler=Download&periode=2026&format=csv",
                     })
                await browser.Client.GetAsync(url);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    private Task<string> SnapshotAsync() => host.WithDbAsync(async db =>
        string.Join("|",
            (await new HistoryEvents(db).AllAsync()).Count,
            string.Join(",", await db.Set<HistoryChainRow>().OrderBy(c => c.ChainId).Select(c => c.ChainId + ":" + c.LastSeq + ":" + c.Revision).ToListAsync()),
            await db.Set<TaskRow>().CountAsync(),
            string.Join(",", await db.Set<ProcessInstanceRow>().OrderBy(i => i.Id).Select(i => i.Id + ":" + i.Status + ":" + i.Suspended).ToListAsync()),
            string.Join(",", await db.Reports.OrderBy(r => r.Id).Select(r => r.Stage + ":" + r.Status).ToListAsync())));
}
