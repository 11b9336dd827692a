using System.Net;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Designer;

/// <summary>Only coordinators and administrators reach the designer, its JSON handlers and rollback; never reporters or officers.</summary>
public sealed class DesignerAccessTests(AdminHost host) : IClassFixture<AdminHost>
{
    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    [InlineData("auditor")]
    public async Task ReporterOfficerAndAuditor_AreRefusedEveryDesignerPageAndHandler(string userName)
    {
        using var user = await Browser.SignedInAsync(host, userName, Browser.DemoPassword);
        Assert.DoesNotContain("href=\"/Desain\"", await user.Client.GetStringAsync("/"));

        foreach (var url in new[] { "/Desain", "/Desain/Proses", "/Desain/Proses/lapor-pengaduan", "/Desain/Proses/lapor-pengaduan?versi=1", "/Desain/Proses?handler=Agencies" })
            AssertRefused(await user.Client.GetAsync(url), url);
        var xml = DesignerModels.Review("penyusup");
        AssertRefused(await user.PostJsonAsync("Draft", new { key = "penyusup", xml }), "draft");
        AssertRefused(await user.PostJsonAsync("Validate", new { xml }), "validate");
        AssertRefused(await user.PostJsonAsync("Publish", new { xml, comment = "x" }), "publish");
        AssertRefused(await user.PostFormAsync("/", "/Desain?handler=RollBack", new() { ["key"] = "lapor-pengaduan", ["version"] = "1" }), "rollback");

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>();
        Assert.False(await db.Set<ProcessDraftRow>().AnyAsync(d => d.Key == "penyusup"));
        Assert.False(await db.Set<ProcessDefinitionRow>().AnyAsync(d => d.Key == "penyusup"));
        Assert.Equal(1, await db.Set<ProcessDefinitionRow>().CountAsync(d => d.Key == "lapor-pengaduan"));
    }

    [Fact]
    public async Task Visitor_IsSentToTheLoginForm()
    {
        using var visitor = Browser.Open(host);
        foreach (var url in new[] { "/Desain", "/Desain/Proses/lapor-pengaduan", "/Desain/Proses?handler=Agencies" })
        {
            var response = await visitor.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Akun/Masuk", response.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData("koordinator", Browser.DemoPassword)]
    [InlineData("admin", Browser.AdminPassword)]
    public async Task CoordinatorAndAdministrator_GetTheDesignerAndTheMenuLink(string userName, string password)
    {
        using var user = await Browser.SignedInAsync(host, userName, password);
        Assert.Contains("href=\"/Desain\"", await user.Client.GetStringAsync("/"));
        var list = await user.Client.GetStringAsync("/Desain");
        Assert.Contains("data-process=\"lapor-pengaduan\"", list);
        Assert.Contains("Simpan draf", await user.Client.GetStringAsync("/Desain/Proses/lapor-pengaduan"));
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected 403/404 or a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.Contains("/Status/403", StringComparison.Ordinal) || location.Contains("/Akun/Masuk", StringComparison.Ordinal),
            $"{what}: redirected to {location}");
    }
}
