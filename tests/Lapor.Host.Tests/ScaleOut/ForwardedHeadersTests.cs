using System.Net;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.ScaleOut;

/// <summary>
/// Behind a TLS-terminating proxy the host must build its own links (here: the redirect to the login page) with the
/// scheme the browser used, which only the proxy's X-Forwarded-Proto tells; from anyone else the header is ignored.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.TrustingHost trusting) : IClassFixture<ForwardedHeadersTests.TrustingHost>
{
    /// <summary>A host that names 127.0.0.1 (where the test connects from) as its reverse proxy.</summary>
    public sealed class TrustingHost : WebApplicationFactory<Program>
    {
        public TrustingHost() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        public string DataDirectory { get; } = LaporHostFactory.NewDataDirectory();

        public Uri Start()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Lapor:DataDirectory", DataDirectory);
            builder.UseSetting("Lapor:DemoData", "false");
            builder.UseSetting("Lapor:Admin:Password", LaporHostFactory.AdminPassword);
            builder.UseSetting("Lapor:WorkflowsDirectory", Path.Combine(DataDirectory, "no-shipped-workflows"));
            builder.UseSetting("Lapor:ReverseProxy:KnownProxies:0", "127.0.0.1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(DataDirectory);
        }
    }

    [Fact]
    public async Task FromAKnownProxy_TheForwardedSchemeIsTheOneLinksUse()
    {
        Assert.StartsWith("https://", await LoginRedirectAsync(trusting.Start()));
    }

    [Fact]
    public async Task WithNoProxyConfigured_AForwardedSchemeIsIgnored()
    {
        await using var plain = new LaporHostFactory();
        Assert.StartsWith("http://", await LoginRedirectAsync(plain.BaseAddress));
    }

    private static async Task<string> LoginRedirectAsync(Uri host)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Tugas");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/Akun/Masuk", location);
        return location;
    }
}
