using System.Net;
using Lapor.Host.Tests.Portal;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// The demo host on real Kestrel (a free port) with the shipped process, one headless Debian Chromium, and access to
/// the host's services so a test can run a case to its end before the auditor opens it.
/// </summary>
public sealed class AuditBrowserHost : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly Factory _factory = new(LaporHostFactory.NewDataDirectory());
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        BaseAddress = _factory.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = PortalHost.ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, AcceptDownloads = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        LaporHostFactory.DeleteDirectory(_factory.DataDirectory);
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public Factory(string dataDirectory)
        {
            DataDirectory = dataDirectory;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public string DataDirectory { get; }

        public Uri Start()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Lapor:DataDirectory", DataDirectory);
            builder.UseSetting("Lapor:DemoData", "true");
            builder.UseSetting("Lapor:WorkflowsDirectory", Reports.ReportsHost.RepoWorkflows());
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000));
        }
    }
}
