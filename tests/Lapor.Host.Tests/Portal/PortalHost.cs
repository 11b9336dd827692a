using System.Net;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Portal;

/// <summary>
/// The whole product for a browser: Program.cs on real Kestrel at 127.0.0.1 (a free port), a fresh data folder, demo
/// data on and the shipped complaint process deployed, plus one headless Debian Chromium driven by Playwright. One
/// per test class; each test opens its own browser context (its own cookies).
/// </summary>
public sealed class PortalHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly Factory _factory = new(Path.Combine(Path.GetTempPath(), $"lapor-portal-{Guid.NewGuid():N}"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        BaseAddress = _factory.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh visitor: no cookies, so Bahasa Indonesia and no account.</summary>
    public Task<IBrowserContext> NewVisitorAsync(int width = 1280, int height = 900, bool phone = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            // The browser says it prefers English: the portal must still open in Indonesian until the visitor switches.
            Locale = "en-US",
        });

    /// <summary>Every report in the database, confidential ones included: the count that proves nothing was stored.</summary>
    public async Task<int> CountReportsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.CountAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        // Pooled connections keep the SQLite files open; the folder can only go once they are closed.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_factory.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the tests' own result.
        }
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public Factory(string dataDirectory)
        {
            DataDirectory = dataDirectory;
            Directory.CreateDirectory(dataDirectory);
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public string DataDirectory { get; }

        public Uri Start()
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/') + "/");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Lapor:DataDirectory", DataDirectory);
            builder.UseSetting("Lapor:DemoData", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        }
    }
}
