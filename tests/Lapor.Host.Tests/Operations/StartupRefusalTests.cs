using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lapor.Host.Tests.Support;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// The built host started as an operator would, in its own process: a setting it cannot run with stops it with exit
/// code 1 and one line on standard error naming that setting, never a stack trace.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private const string StrongPassword = "Rahasia#Kantor2026";

    private readonly string _data = LaporHostFactory.NewDataDirectory();

    public void Dispose() => LaporHostFactory.DeleteDirectory(_data);

    private Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Lapor__DataDirectory"] = _data, ["Lapor__SweepIntervalSeconds"] = "1" };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task UnknownDatabaseProvider_StopsTheHost_WithOneLineNamingTheSetting()
    {
        await using var host = HostProcess.Start(Settings(("Lapor__Database__Provider", "Oracle")));

        Assert.Equal(1, await host.ExitCodeAsync());
        Assert.Equal("Lapor:Database:Provider is 'Oracle'; use 'Sqlite' or 'Postgres'.", host.Error.Trim());
        Assert.DoesNotContain("Exception", host.Output + host.Error);
    }

    [Fact]
    public async Task ASignInBudgetAsLargeAsTheLockoutThreshold_StopsTheHost_SinceAStrangerCouldThenLockAnOfficerOut()
    {
        await using var host = HostProcess.Start(Settings(("Lapor__RateLimits__SignIn__PermitLimit", "10")));

        Assert.Equal(1, await host.ExitCodeAsync());
        Assert.Equal("Lapor:RateLimits:SignIn:PermitLimit must be below the lockout threshold (10).", host.Error.Trim());
        Assert.DoesNotContain("Exception", host.Output + host.Error);
    }

    [Fact]
    public async Task AMailSettingThatCannotWork_StopsTheHost_NamingIt()
    {
        await using var host = HostProcess.Start(Settings(("Lapor__Delivery__Email__Host", "smtp.baliprov.example"),
            ("Lapor__Delivery__Email__Security", "Kadang"), ("Lapor__Delivery__PublicBaseUrl", "lapor.baliprov.example")));

        Assert.Equal(1, await host.ExitCodeAsync());
        Assert.Equal(["Lapor:Delivery:PublicBaseUrl must be an absolute http(s) address, not 'lapor.baliprov.example'.",
            "Lapor:Delivery:Email:Security must be None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect."],
            host.Error.Trim().Split('\n').Select(l => l.Trim()));
        Assert.DoesNotContain("Exception", host.Output + host.Error);
    }

    [Fact]
    public async Task DemoDataOff_WithoutAnAdministratorPassword_RefusesTheFirstStart()
    {
        await using var host = HostProcess.Start(Settings(("Lapor__DemoData", "false"), ("Lapor__Admin__Password", "")));

        Assert.Equal(1, await host.ExitCodeAsync());
        var line = Assert.Single(host.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("No administrator account exists yet and Lapor:Admin:Password is not set", line);
        Assert.Contains("Lapor__Admin__Password", line);
        Assert.DoesNotContain("Exception", host.Output + host.Error);
    }

    [Fact]
    public async Task DemoDataOff_WithAPasswordIdentityRefuses_RefusesTheFirstStart_SayingWhy()
    {
        await using var host = HostProcess.Start(Settings(("Lapor__DemoData", "false"), ("Lapor__Admin__Password", "rahasia")));

        Assert.Equal(1, await host.ExitCodeAsync());
        var line = Assert.Single(host.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Lapor:Admin:Password does not satisfy the password rules:", line);
        Assert.Contains("10", line); // the length rule Program.cs sets
        Assert.DoesNotContain("Exception", host.Output + host.Error);
    }

    [Fact]
    public async Task DemoDataOff_WithAPassword_CreatesTheAdministrator_AndLogsWhereHealthAndMetricsAre_ThenNeedsItNoMore()
    {
        Uri live;
        await using (var first = HostProcess.Start(Settings(("Lapor__DemoData", "false"), ("Lapor__Admin__Password", StrongPassword))))
        {
            var line = await first.LineAsync("Health: http://127.0.0.1:");
            Assert.EndsWith("/health/live, /health/ready; metrics: /metrics (staff or loopback)", line);
            live = new Uri(line["Health: ".Length..line.IndexOf(',')]);
            Assert.NotEqual(0, live.Port);

            using var client = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(live)).StatusCode);
            var engine = new HttpRequestMessage(HttpMethod.Get, new Uri(live, "/engine-rest/process-definition"));
            engine.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{StrongPassword}")));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(engine)).StatusCode);
        }

        // The administrator exists now: the password setting is not needed to start again.
        await using var second = HostProcess.Start(Settings(("Lapor__DemoData", "false"), ("Lapor__Admin__Password", "")));
        Assert.Contains("/health/live", await second.LineAsync("Health: http://127.0.0.1:"));
        Assert.Equal("", second.Error.Trim());
    }
}
