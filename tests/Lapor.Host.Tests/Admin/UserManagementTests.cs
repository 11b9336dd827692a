using System.Net;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Admin;

/// <summary>An administrator creates officers with their agency and deactivates accounts, which then cannot sign in anywhere.</summary>
public sealed class UserManagementTests(AdminHost host) : IClassFixture<AdminHost>
{
    private const string NewPassword = "Gianyar#2026x";

    [Fact]
    public async Task CreatingALiaisonOfficerWithoutAgency_ShowsAClearError_AndCreatesNothing()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        var response = await CreateAsync(admin, "tanpa.instansi", Roles.LiaisonOfficer, agency: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-error-for=\"Form.AgencyCode\"", page);
        Assert.Contains("Admin penghubung dan pimpinan instansi wajib memilih instansi.", page);
        Assert.Null(await FindAsync("tanpa.instansi"));
    }

    [Fact]
    public async Task CreatingAnAuditorWithAnAgency_IsRefused_BecauseTheRoleSpansAgencies()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        var response = await CreateAsync(admin, "auditor.dinkes", Roles.Auditor, agency: "dinkes");

        Assert.Contains("Peran ini tidak terikat pada instansi; kosongkan pilihan instansi.", await response.Content.ReadAsStringAsync());
        Assert.Null(await FindAsync("auditor.dinkes"));
    }

    [Fact]
    public async Task CreatingALiaisonOfficerWithAgency_CreatesAnAccountThatSignsIn_WithTheAgencyClaim()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        var response = await CreateAsync(admin, "dispar.petugas", Roles.LiaisonOfficer, agency: "dinkes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-user=\"dispar.petugas\"", await admin.Client.GetStringAsync("/Admin/Pengguna"));
        using var officer = await Browser.SignedInAsync(host, "dispar.petugas", NewPassword);

        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = (await users.FindByNameAsync("dispar.petugas"))!;
        Assert.Equal([Roles.LiaisonOfficer], await users.GetRolesAsync(user));
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LaporUser>>().CreateAsync(user);
        Assert.Equal("dinkes", principal.FindFirst("lapor:agency")?.Value);
    }

    [Fact]
    public async Task DeactivatedUser_CannotSignInOnTheForm_NorThroughBasicAuth_UntilReactivated()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(admin, "koord.uji", Roles.Coordinator, agency: "")).StatusCode);
        using var api = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await EngineAsync(api, "koord.uji")).StatusCode);

        var id = (await FindAsync("koord.uji"))!.Id;
        var deactivated = await admin.PostFormAsync($"/Admin/Pengguna/{id}", $"/Admin/Pengguna/{id}?handler=Deactivate", new());
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("data-status=\"inactive\"", await admin.Client.GetStringAsync($"/Admin/Pengguna/{id}"));

        using var person = Browser.Open(host);
        var login = await person.LogInAsync("koord.uji", NewPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var page = await login.Content.ReadAsStringAsync();
        Assert.Contains("id=\"ringkasan-kesalahan\"", page);
        Assert.Contains("Akun ini sudah dinonaktifkan.", page);
        // Someone without the password learns nothing about the account's state.
        Assert.DoesNotContain("dinonaktifkan", await (await person.LogInAsync("koord.uji", "TebakanSalah#1")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await EngineAsync(api, "koord.uji")).StatusCode);

        var reactivated = await admin.PostFormAsync($"/Admin/Pengguna/{id}", $"/Admin/Pengguna/{id}?handler=Activate", new());
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await person.LogInAsync("koord.uji", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Administrator_CannotDeactivateTheirOwnAccount()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        var id = (await FindAsync("admin"))!.Id;
        var response = await admin.PostFormAsync($"/Admin/Pengguna/{id}", $"/Admin/Pengguna/{id}?handler=Deactivate", new());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Anda tidak dapat menonaktifkan akun Anda sendiri.", await response.Content.ReadAsStringAsync());
        Assert.True((await FindAsync("admin"))!.IsActive);
    }

    [Fact]
    public async Task EditingAnOfficer_MovesThemToAnotherAgency_AndRefusesAnAgencyRoleWithoutOne()
    {
        using var admin = await Browser.SignedInAsync(host, "admin", Browser.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(admin, "pindah.petugas", Roles.LiaisonOfficer, agency: "dinkes")).StatusCode);
        var id = (await FindAsync("pindah.petugas"))!.Id;

        var missing = await admin.PostFormAsync($"/Admin/Pengguna/{id}", $"/Admin/Pengguna/{id}",
            new() { ["Form.Role"] = Roles.AgencySupervisor, ["Form.AgencyCode"] = "" });
        Assert.Contains("Admin penghubung dan pimpinan instansi wajib memilih instansi.", await missing.Content.ReadAsStringAsync());
        Assert.Equal("dinkes", (await FindAsync("pindah.petugas"))!.AgencyCode);

        var moved = await admin.PostFormAsync($"/Admin/Pengguna/{id}", $"/Admin/Pengguna/{id}",
            new() { ["Form.Role"] = Roles.AgencySupervisor, ["Form.AgencyCode"] = "puprkim" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = (await users.FindByIdAsync(id))!;
        Assert.Equal("puprkim", user.AgencyCode);
        Assert.Equal([Roles.AgencySupervisor], await users.GetRolesAsync(user));
    }

    private static Task<HttpResponseMessage> CreateAsync(Browser admin, string userName, string role, string agency) =>
        admin.PostFormAsync("/Admin/Pengguna/Baru", "/Admin/Pengguna/Baru", new()
        {
            ["Form.UserName"] = userName, ["Form.DisplayName"] = "Petugas Uji", ["Form.Email"] = "",
            ["Form.Password"] = NewPassword, ["Form.Role"] = role, ["Form.AgencyCode"] = agency,
        });

    private static Task<HttpResponseMessage> EngineAsync(HttpClient api, string userName)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/engine-rest/process-definition");
        request.Headers.Authorization = Browser.Basic(userName, NewPassword);
        return api.SendAsync(request);
    }

    private async Task<LaporUser?> FindAsync(string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>().FindByNameAsync(userName);
    }
}
