using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// The built host (<c>Lapor.Host.dll</c> from the Host project's output, same configuration as the caller) as a real
/// OS process on 127.0.0.1 and a free port, in Production, on PostgreSQL with its own data folder: what runs behind a
/// load balancer, and what <see cref="Kill"/> can take down with SIGKILL. No xunit types, so the benchmarks link it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Lapor#Bali2026";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private HostProcess(string name, Process process, Uri baseAddress, string dataDirectory)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Admin = new HttpClient { BaseAddress = new Uri(baseAddress, "engine-rest/"), Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AdminUser}:{AdminPassword}")));
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The engine REST API (<c>/engine-rest/</c>) as the seeded administrator.</summary>
    public HttpClient Admin { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string RecentLog => string.Join('\n', _log);

    /// <summary>Starts the host and returns once <c>GET /</c> answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string name, string postgresConnection, IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? timeout = null)
    {
        var dll = BuiltHost();
        var port = PostgresServer.FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lapor-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var address = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // A home of its own, as on a machine of its own: nothing the hosts share through ~/.aspnet (the default
            // Data Protection key folder) can make cross-host cookies work by accident.
            ["HOME"] = dataDirectory,
            ["Urls"] = address,
            ["ASPNETCORE_URLS"] = address,
            ["Lapor__Database__Provider"] = "Postgres",
            ["Lapor__Database__PostgresConnection"] = postgresConnection,
            ["Lapor__DataDirectory"] = dataDirectory,
            ["Lapor__SweepIntervalSeconds"] = "1",
            ["Lapor__DemoData"] = "true",
            // Load from one loopback address is the point of these hosts (and of the benchmark), not an abuse to throttle.
            ["Lapor__RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Quartz"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new HostProcess(name, process, new Uri(address + "/"), dataDirectory);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>kill -9: no shutdown, no flushing, connections dropped mid-transaction.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as a service manager stops the host; true if it exited within <paramref name="within"/>.</summary>
    public async Task<bool> TerminateAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A client for the host that keeps no cookies and follows no redirects.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Admin.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the test's own result.
        }
        await Task.CompletedTask;
    }

    /// <summary>The Host project's own build output, which has its static web assets manifest and runtime config.</summary>
    public static string BuiltHost()
    {
        // .../tests/<project>/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var framework = output.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Lapor.sln")))
                continue;
            var dll = Path.Combine(dir.FullName, "Lapor.Host", "bin", configuration, framework, "Lapor.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the host first ({configuration}): {dll} is missing.");
        }
        throw new DirectoryNotFoundException("Lapor.sln not found above " + output.FullName);
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _log.Enqueue($"[{Name}] {line}");
        while (_log.Count > 200)
            _log.TryDequeue(out _);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"host {Name} exited with {_process.ExitCode} while starting:\n{RecentLog}");
            try
            {
                using var response = await probe.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still busy starting.
            }
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"host {Name} did not answer GET / within {timeout.TotalSeconds:0} s:\n{RecentLog}");
            await Task.Delay(200);
        }
    }
}
