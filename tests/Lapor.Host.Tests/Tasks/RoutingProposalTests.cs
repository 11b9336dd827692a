using System.Text.RegularExpressions;
using Lapor.Domain.Reports;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Tasks;

/// <summary>
/// The shipped routing table (workflows/rute-instansi.dmn) runs before verification: the coordinator's form proposes
/// its agency, the decision is in the case's history chain and in the auditor's viewer.
/// </summary>
public sealed partial class RoutingProposalTests(TaskHost host) : IClassFixture<TaskHost>
{
    private async Task<string> SubmitAsync(string category, string? targetAgency = null, double? latitude = null, double? longitude = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Jalan berlubang di depan pasar", CategoryCode = category, TargetAgencyCode = targetAgency,
            Latitude = latitude, Longitude = longitude,
            Description = "Lubang besar di tengah jalan sudah dua minggu, membahayakan pengendara motor.",
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Made Sari", "made@example.com", null).Value!, []);
        Assert.True(intake.Succeeded, string.Join("; ", intake.Errors));
        return intake.Report!.TrackingCode.ToString();
    }

    private async Task<string?> ProposedAgencyAsync(string code)
    {
        var taskId = await host.OpenTaskOfAsync(code, "verifikasi");
        using var browser = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        // The form is the claimant's: claim first, as the coordinator would.
        await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Claim", new());
        var page = await browser.Client.GetStringAsync($"/Tugas/{taskId}");
        var select = AgencySelect().Match(page);
        Assert.True(select.Success, "the verification form has an agency picker");
        return SelectedOption().Match(select.Value) is { Success: true } m ? m.Groups[1].Value : null;
    }

    [Fact]
    public async Task TheCategoryDecidesTheProposal_AndTheReportersChoiceWins()
    {
        Assert.Equal("puprkim", await ProposedAgencyAsync(await SubmitAsync("jalan")));
        Assert.Equal("dishub", await ProposedAgencyAsync(await SubmitAsync("transportasi")));
        Assert.Equal("dinkes", await ProposedAgencyAsync(await SubmitAsync("jalan", targetAgency: "dinkes")));
        Assert.Equal("inspektorat", await ProposedAgencyAsync(await SubmitAsync("lainnya")));
    }

    [Fact]
    public async Task TheAreaOfThePoint_IsAVariableForTheRoutingTable()
    {
        // Ubud lies in Gianyar; a report without a point has no area.
        var withPoint = await SubmitAsync("kependudukan", latitude: -8.5069, longitude: 115.2625);
        var withoutPoint = await SubmitAsync("kependudukan");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>();
        async Task<string?> AreaOf(string code)
        {
            var instanceId = (await host.ReportAsync(code)).ProcessInstanceId!;
            return (await db.Set<VariableRow>().SingleAsync(v => v.InstanceId == instanceId && v.Name == "wilayah")).Value;
        }
        Assert.Equal("kab-gianyar", await AreaOf(withPoint));
        Assert.Null(await AreaOf(withoutPoint));
    }

    [Fact]
    public async Task TheAreaOfThePoint_RoutesPopulationServicesToItsRegency()
    {
        // Ubud lies in Gianyar: identity-card and family-card services are the regency's.
        Assert.Equal("kab-gianyar", await ProposedAgencyAsync(await SubmitAsync("kependudukan", latitude: -8.5069, longitude: 115.2625)));
        Assert.Equal("dpmd-dukcapil", await ProposedAgencyAsync(await SubmitAsync("kependudukan")));
        // The area column says "any" for roads: the category alone decides.
        Assert.Equal("puprkim", await ProposedAgencyAsync(await SubmitAsync("jalan", latitude: -8.5069, longitude: 115.2625)));
    }

    [Fact]
    public async Task TheCoordinatorCanChangeTheProposal()
    {
        var code = await SubmitAsync("jalan");
        var taskId = await host.OpenTaskOfAsync(code, "verifikasi");
        using var browser = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Claim", new());
        var done = await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Complete",
            new() { ["f.decision"] = "verify", ["f.agency"] = "dishub" });
        Assert.True((int)done.StatusCode is 302 or 303, await done.Content.ReadAsStringAsync());
        Assert.NotNull(await host.OpenTaskOfAsync(code, "tindakLanjut"));
        Assert.Equal("dishub", (await host.ReportAsync(code)).ResponsibleAgencyCode);
    }

    [Fact]
    public async Task TheDecisionIsInTheHistoryChain_AndTheAuditorsViewer()
    {
        var code = await SubmitAsync("air-bersih");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>();
            var instanceId = (await host.ReportAsync(code)).ProcessInstanceId!;
            var row = (await new HistoryEvents(db).OfChainAsync(instanceId)).Single(r => r.Kind == HistoryEventKind.DecisionEvaluated);
            Assert.Equal("rute-instansi", row.Name);
            Assert.Equal("usulkanInstansi", row.ActivityId);
            var chain = await new HistoryVerifier(db).VerifyAsync(instanceId);
            Assert.True(chain.Intact, chain.Problem);
        }

        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var page = System.Net.WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Kasus/{code}"));
        Assert.Contains("Keputusan dievaluasi", page);
        Assert.Contains("Tabel keputusan rute-instansi, versi 1", page);
        Assert.Contains("Kategori = \"air-bersih\"", page);
        Assert.Contains("aturan 17 (aturan-air-bersih)", page);
        Assert.Contains("agency = \"puprkim\"", page);
    }

    [GeneratedRegex("<select[^>]*name=\"f.agency\"[\\s\\S]*?</select>")]
    private static partial Regex AgencySelect();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedOption();
}
