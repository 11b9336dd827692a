using System.Net;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Admin;
using Lapor.Host.Tests.Portal;

namespace Lapor.Host.Tests.Tasks;

/// <summary>What an agency reads on a task page: the report and its files, never an anonymous reporter's identity.</summary>
public sealed class TaskPagePrivacyTests(TaskHost host) : IClassFixture<TaskHost>
{
    [Fact]
    public async Task AnAnonymousReport_ShowsNeitherNameNorContactDetails_ToTheAgency()
    {
        var (_, taskId) = await host.ReportAtResponseAsync("dinkes", anonymous: true, title: "Pungutan liar di loket");
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);

        var page = await officer.Client.GetStringAsync($"/Tugas/{taskId}");

        Assert.Contains("Pungutan liar di loket", page);
        Assert.Contains("Anonim", page);
        foreach (var secret in new[] { "Gede", "Arsana", "gede@example.com", "081337000111" })
            Assert.DoesNotContain(secret, page);
    }

    [Fact]
    public async Task AttachmentsDownload_ThroughTheTask_ForItsAgencyOnly()
    {
        var png = SamplePng.Square();
        var file = new IncomingFile("foto-loket.png", "image/png", png.Length, () => new MemoryStream(png));
        var (_, taskId) = await host.ReportAtResponseAsync("dinkes", title: "Loket tutup lebih awal", files: [file]);
        using var officer = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        var page = await officer.Client.GetStringAsync($"/Tugas/{taskId}");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/Tugas/[^\"]*handler=Attachment[^\"]*)\"");
        Assert.True(link.Success, "the task page links its attachment");
        var url = WebUtility.HtmlDecode(link.Groups[1].Value);

        var download = await officer.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());

        using var otherAgency = await Browser.SignedInAsync(host, "puprkim.petugas", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.Client.GetAsync(url)).StatusCode);
    }
}
