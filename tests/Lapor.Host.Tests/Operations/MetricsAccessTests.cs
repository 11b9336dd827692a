using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Lapor.Host.Data;
using Lapor.Host.Operations;
using Lapor.Host.Tests.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Operations;

/// <summary><c>/metrics</c> answers staff and the local machine only; health stays open to anyone.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsAccessTests(MetricsAccessTests.RemoteCallerHost host) : IClassFixture<MetricsAccessTests.RemoteCallerHost>
{
    /// <summary>Every request seems to come from another machine (a documentation address; nothing is sent there).</summary>
    public sealed class RemoteCallerHost : ReportsHost
    {
        public static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

        private sealed class FromElsewhere : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, rest) =>
                {
                    http.Connection.RemoteIpAddress = Remote;
                    return rest(http);
                });
                next(app);
            };
        }

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, FromElsewhere>();
    }

    [Fact]
    public async Task AnonymousCallerFromElsewhere_IsRefused_ButMayAskForHealth()
    {
        var client = host.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("lapor_", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Coordinator, HttpStatusCode.OK)]
    [InlineData(Roles.Auditor, HttpStatusCode.OK)]
    [InlineData(Roles.LiaisonOfficer, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reporter, HttpStatusCode.Forbidden)]
    public async Task CallerFromElsewhere_WithBasicCredentials_IsLetInOnlyAsStaff(string role, HttpStatusCode expected)
    {
        var client = await ClientAsync(role);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
            return;
        // The gauges are read when scraped; OpenTelemetry listens to meters by name, process-wide, so another test host
        // starting or stopping at that moment can leave one scrape without them. Ask again for a few seconds.
        var text = await response.Content.ReadAsStringAsync();
        for (var attempt = 0; attempt < 30 && !text.Contains("lapor_tasks_open"); attempt++)
        {
            await Task.Delay(200);
            text = await client.GetStringAsync("/metrics");
        }
        Assert.Contains("lapor_tasks_open", text);
    }

    [Fact]
    public async Task WrongPasswordFromElsewhere_IsRefused()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(LaporHostFactory.AdminUser, "Salah#Sandi2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("203.0.113.7", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("::ffff:203.0.113.7", false)]
    public void Anonymous_IsAllowedFromLoopbackOnly(string address, bool allowed)
    {
        Assert.Equal(allowed, MetricsAccess.Allows(IPAddress.Parse(address), new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public void UnknownAddress_IsNotLoopback()
    {
        Assert.False(MetricsAccess.Allows(null, null));
        var auditor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Auditor)], "test"));
        Assert.True(MetricsAccess.Allows(null, auditor));
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var name = LaporHostFactory.AdminUser;
        const string password = "Rahasia#Metrik2026";
        if (role != Roles.Administrator)
        {
            using var scope = host.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
            name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}";
            var user = new LaporUser { UserName = name, DisplayName = name };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, role);
        }
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(name, role == Roles.Administrator ? LaporHostFactory.AdminPassword : password);
        return client;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
