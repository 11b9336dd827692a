using System.Net;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Admin;

/// <summary>With demo data on, every role has an account that signs in through the login form, officers with their agency.</summary>
public sealed class DemoAccountsTests(AdminHost host) : IClassFixture<AdminHost>
{
    [Theory]
    [InlineData("koordinator", Roles.Coordinator, "inspektorat")]
    [InlineData("dinkes.petugas", Roles.LiaisonOfficer, "dinkes")]
    [InlineData("dinkes.kepala", Roles.AgencySupervisor, "dinkes")]
    [InlineData("puprkim.petugas", Roles.LiaisonOfficer, "puprkim")]
    [InlineData("auditor", Roles.Auditor, null)]
    [InlineData("ombudsman", Roles.Ombudsman, null)]
    [InlineData("pelapor", Roles.Reporter, null)]
    public async Task DemoAccount_SignsInWithTheDemoPassword_AndCarriesItsRoleAndAgency(string userName, string role, string? agency)
    {
        using var browser = Browser.Open(host);
        var login = await browser.LogInAsync(userName, Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        Assert.Equal([role], await users.GetRolesAsync(user));
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LaporUser>>().CreateAsync(user);
        Assert.Equal(agency, principal.FindFirst("lapor:agency")?.Value);
        Assert.True(principal.IsInRole(role));
    }

    [Fact]
    public async Task Administrator_SeesEveryDemoAccountInTheUserList()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        var list = await admin.Client.GetStringAsync("/Admin/Pengguna");
        foreach (var name in new[] { "koordinator", "dinkes.petugas", "dinkes.kepala", "puprkim.petugas", "auditor", "ombudsman", "pelapor" })
            Assert.Contains($"data-user=\"{name}\"", list);
        Assert.Contains("Admin penghubung", list);
        Assert.Contains("Dinas Kesehatan", list);
    }
}
