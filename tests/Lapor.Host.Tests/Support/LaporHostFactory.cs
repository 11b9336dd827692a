using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lapor.Workflows;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// The real host (Program.cs) on real Kestrel at 127.0.0.1 and a free port, with its own data folder, so tests talk
/// HTTP over a socket exactly as a Camunda client would. The folder is deleted on dispose unless the caller passed it
/// in (a restart test keeps it for the next host).
/// </summary>
public sealed class LaporHostFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Lapor#Bali2026";

    private readonly bool _ownsDirectory;
    private readonly List<HttpClient> _clients = [];
    private readonly List<(string Key, string Value)> _settings = [];
    private Uri? _baseAddress;
    private HttpClient? _admin;
    private bool _cleanedUp;

    /// <summary>A host on a fresh data folder, deleted on dispose (the class-fixture case).</summary>
    public LaporHostFactory() : this(NewDataDirectory(), ownsDirectory: true)
    {
    }

    // xUnit needs a single public constructor on a fixture, so the keep-the-folder case is a factory method.
    private LaporHostFactory(string dataDirectory, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        // Port 0 lets the OS choose a free port, so parallel test classes never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>A host on an existing data folder that outlives it, e.g. to start a second host on the same files.</summary>
    public static LaporHostFactory On(string dataDirectory) => new(dataDirectory, ownsDirectory: false);

    /// <summary>A host on a fresh data folder with some configuration of its own, e.g. a switch that is off by default.</summary>
    public static LaporHostFactory With(params (string Key, string Value)[] settings)
    {
        var factory = new LaporHostFactory(NewDataDirectory(), ownsDirectory: true);
        factory._settings.AddRange(settings);
        return factory;
    }

    /// <summary>The host's <c>/engine-rest/</c> address; starts the host on first use.</summary>
    public Uri EngineRest => new(BaseAddress, "engine-rest/");

    public Uri BaseAddress => _baseAddress ??= Start();

    /// <summary>A client authenticated as the seeded demo administrator.</summary>
    public HttpClient Admin => _admin ??= ClientFor(AdminUser, AdminPassword);

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lapor-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A client with the given Basic credentials, or none when <paramref name="user"/> is null.</summary>
    public HttpClient ClientFor(string? user, string? password)
    {
        var client = new HttpClient { BaseAddress = EngineRest, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        _clients.Add(client);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program.cs before it reads its options (they are passed as host arguments).
        builder.UseSetting("Lapor:DataDirectory", DataDirectory);
        builder.UseSetting("Lapor:DemoData", "true");
        // The demo administrator's password (appsettings.json), whatever a developer keeps in Lapor__Admin__Password.
        builder.UseSetting("Lapor:Admin:Password", "");
        builder.UseSetting("Lapor:SweepIntervalSeconds", "1");
        // The shipped workflows are tested elsewhere; pointing at an empty folder keeps these tests about the API and
        // the BPMN files they deploy themselves.
        builder.UseSetting("Lapor:WorkflowsDirectory", Path.Combine(DataDirectory, "no-shipped-workflows"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddServiceTask<SmsGatewayStub>(SmsGatewayStub.Name);
            // Every API request checks the Basic password; at Identity's production cost (100,000 PBKDF2 rounds) that
            // dominates a suite of a few hundred requests on a 2-core machine. The check itself stays real.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new Uri(address.TrimEnd('/') + "/");
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await base.DisposeAsync();
        CleanUp();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            CleanUp();
    }

    private void CleanUp()
    {
        if (_cleanedUp)
            return;
        _cleanedUp = true;
        // Pooled connections (and those the engine keeps open between commands) keep the SQLite files open; the folder
        // can only go once they are closed.
        WorkflowSqlite.CloseIdleConnections();
        SqliteConnection.ClearAllPools();
        if (!_ownsDirectory)
            return;
        DeleteDirectory(DataDirectory);
    }

    public static void DeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
        }
    }
}
