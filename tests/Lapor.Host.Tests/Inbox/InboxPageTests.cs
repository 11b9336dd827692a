using System.Net;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Inbox;

/// <summary>The /Tugas page used through the real login form: claim, unclaim, and refusals that leak nothing.</summary>
public sealed partial class InboxPageTests(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task AnonymousVisitor_IsSentToTheLoginForm()
    {
        using var browser = Browser.Open(host);

        var response = await browser.Client.GetAsync("/Tugas");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Akun/Masuk", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Reporter_IsRefused()
    {
        using var browser = await Browser.SignedInAsync(host, "pelapor", Browser.DemoPassword);

        var response = await browser.Client.GetAsync("/Tugas");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Status/403", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task PuprkimOfficer_ClaimsThenUnclaimsTheAgencysTask()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        using var browser = await Browser.SignedInAsync(host, "puprkim.petugas", Browser.DemoPassword);
        var page = await browser.Client.GetStringAsync("/Tugas");
        Assert.Contains(task.Id, page);

        var claim = await browser.PostFormAsync("/Tugas", "/Tugas?handler=Claim", new() { ["taskId"] = task.Id });
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        Assert.Equal("puprkim.petugas", await host.AssigneeAsync(task.Id));
        // The claimed row now offers its release: a button that submits the page's release form with this task.
        var mine = await browser.Client.GetStringAsync("/Tugas?tampil=Mine");
        Assert.Matches($"""<button type="submit" form="inbox-unclaim" name="taskId" value="{task.Id}"[^>]*>Lepaskan</button>""", mine);
        Assert.DoesNotContain($"form=\"inbox-claim\" name=\"taskId\" value=\"{task.Id}\"", mine);
        Assert.Matches("""<form id="inbox-unclaim" method="post" action="/Tugas\?handler=Unclaim">""", mine);

        var unclaim = await browser.PostFormAsync("/Tugas", "/Tugas?handler=Unclaim", new() { ["taskId"] = task.Id });
        Assert.Equal(HttpStatusCode.Redirect, unclaim.StatusCode);
        Assert.Null(await host.AssigneeAsync(task.Id));
    }

    [Fact]
    public async Task OfficerOfAnotherAgency_ClaimingByGuessedId_GetsNotFound_AndNothingChanges()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        using var browser = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        Assert.DoesNotContain(task.Id, await browser.Client.GetStringAsync("/Tugas"));

        var claim = await browser.PostFormAsync("/Tugas", "/Tugas?handler=Claim", new() { ["taskId"] = task.Id });
        var unknown = await browser.PostFormAsync("/Tugas", "/Tugas?handler=Claim", new() { ["taskId"] = "no-such-task" });

        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(await host.AssigneeAsync(task.Id));
    }

    [Fact]
    public async Task Auditor_SeesTasksWithoutButtons_AndCannotClaim()
    {
        var task = await host.OpenTaskAsync("tindakLanjut", "puprkim");
        using var browser = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var page = await browser.Client.GetStringAsync("/Tugas");
        Assert.Contains(task.Id, page);
        Assert.DoesNotContain("handler=Claim", page);

        var claim = await browser.PostFormAsync("/Tugas", "/Tugas?handler=Claim", new() { ["taskId"] = task.Id });

        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Null(await host.AssigneeAsync(task.Id));
    }

    [Fact]
    public async Task Coordinator_SeesTheInboxLinkAndTheRemainingWorkingDays()
    {
        using var browser = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var page = await browser.Client.GetStringAsync("/Tugas");

        Assert.Contains("href=\"/Tugas\"", page);
        Assert.Matches(HariKerja(), page);
    }

    [GeneratedRegex(@"\d+ hari kerja lagi|jatuh tempo hari ini")]
    private static partial Regex HariKerja();
}
