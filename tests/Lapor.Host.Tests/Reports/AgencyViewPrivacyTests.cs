using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// What staff can read about a case through the engine API (tasks, variables, history) never carries an anonymous
/// reporter's identity; and reporters themselves cannot read the engine API at all.
/// </summary>
public sealed class AgencyViewPrivacyTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    private async Task<HttpClient> ClientAsync(string role)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new IdentityRole(role));
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}";
        const string password = "Rahasia#2026x";
        var user = new LaporUser { UserName = name, DisplayName = name };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{password}")));
        return client;
    }

    [Fact]
    public async Task EngineApi_ShowsStaffTheCase_ButNeverTheAnonymousReportersIdentity()
    {
        var citizen = host.CreateClient();
        var submitted = await citizen.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Pungutan di luar ketentuan di loket samsat", categoryCode = "pajak-daerah", anonymous = true,
            description = "Petugas meminta uang tambahan saat perpanjangan STNK.",
            reporter = new { name = "Nyoman Sukarata", email = "nyoman.sukarata@example.com", phone = "081999888777" },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();

        var staff = await ClientAsync(Roles.Coordinator);
        var instance = (await staff.GetFromJsonAsync<JsonElement>($"/engine-rest/process-instance?businessKey={code}"))[0].GetProperty("id").GetString();
        var task = (await staff.GetFromJsonAsync<JsonElement>($"/engine-rest/task?processInstanceId={instance}"))[0];
        var seen = new StringBuilder(task.GetRawText());
        foreach (var path in new[]
                 {
                     $"/engine-rest/task/{task.GetProperty("id").GetString()}/variables",
                     $"/engine-rest/process-instance/{instance}/variables",
                     $"/engine-rest/history/variable-instance?processInstanceId={instance}",
                     $"/engine-rest/history/activity-instance?processInstanceId={instance}",
                     $"/engine-rest/history/user-operation?processInstanceId={instance}",
                     $"/engine-rest/history/process-instance/{instance}",
                 })
        {
            var response = await staff.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            seen.Append(await response.Content.ReadAsStringAsync());
        }

        var text = seen.ToString();
        Assert.Contains("pajak-daerah", text); // the staff view does show the case itself
        Assert.DoesNotContain("Nyoman", text);
        Assert.DoesNotContain("Sukarata", text);
        Assert.DoesNotContain("nyoman.sukarata@example.com", text);
        Assert.DoesNotContain("081999888777", text);
    }

    [Fact]
    public async Task ReporterAccounts_CannotReadTheEngineApi()
    {
        var reporter = await ClientAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/engine-rest/task")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync("/engine-rest/history/variable-instance")).StatusCode);
        var coordinator = await ClientAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/engine-rest/task")).StatusCode);
    }
}
