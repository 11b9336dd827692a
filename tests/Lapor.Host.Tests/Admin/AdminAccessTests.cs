using System.Net;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Admin;

/// <summary>User management is refused to everyone but administrators, on every page and handler, not only in the menu.</summary>
public sealed class AdminAccessTests(AdminHost host) : IClassFixture<AdminHost>
{
    [Theory]
    [InlineData("dinkes.petugas")]
    [InlineData("koordinator")]
    [InlineData("auditor")]
    public async Task NonAdministrator_IsRefusedEveryAdminPage_OnGetAndPost(string userName)
    {
        var adminId = await IdOfAsync("admin");
        var pelaporId = await IdOfAsync("pelapor");
        using var officer = await Browser.SignedInAsync(host, userName, Browser.DemoPassword);
        Assert.DoesNotContain("href=\"/Admin/Pengguna\"", await officer.Client.GetStringAsync("/"));

        foreach (var url in new[] { "/Admin/Pengguna", "/Admin/Pengguna/Baru", $"/Admin/Pengguna/{adminId}" })
            AssertRefused(await officer.Client.GetAsync(url), url);

        // The token comes from a page the officer may load, so only authorization can stop these posts.
        var create = await officer.PostFormAsync("/", "/Admin/Pengguna/Baru", new()
        {
            ["Form.UserName"] = "penyusup", ["Form.DisplayName"] = "Penyusup", ["Form.Password"] = "Penyusup#2026", ["Form.Role"] = Roles.Administrator,
        });
        AssertRefused(create, "create");
        var promote = await officer.PostFormAsync("/", $"/Admin/Pengguna/{pelaporId}", new() { ["Form.Role"] = Roles.Administrator });
        AssertRefused(promote, "edit");
        var deactivate = await officer.PostFormAsync("/", $"/Admin/Pengguna/{adminId}?handler=Deactivate", new());
        AssertRefused(deactivate, "deactivate");

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        Assert.Null(await users.FindByNameAsync("penyusup"));
        Assert.True((await users.FindByIdAsync(adminId))!.IsActive);
        Assert.Equal([Roles.Reporter], await users.GetRolesAsync((await users.FindByIdAsync(pelaporId))!));
    }

    [Fact]
    public async Task Visitor_IsSentToTheLoginForm_AndAdministrator_GetsThePagesAndTheMenuLink()
    {
        using var visitor = Browser.Open(host);
        var anonymous = await visitor.Client.GetAsync("/Admin/Pengguna");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Akun/Masuk", anonymous.Headers.Location!.PathAndQuery);

        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        Assert.Contains("href=\"/Admin/Pengguna\"", await admin.Client.GetStringAsync("/"));
        foreach (var url in new[] { "/Admin/Pengguna", "/Admin/Pengguna/Baru", $"/Admin/Pengguna/{await IdOfAsync("pelapor")}" })
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(url)).StatusCode);
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
            return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected 403 or a redirect, got {(int)response.StatusCode}");
        Assert.StartsWith("/Status/403", response.Headers.Location!.PathAndQuery);
    }

    private async Task<string> IdOfAsync(string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>().FindByNameAsync(userName))!.Id;
    }
}
