using BuiltHost = Lapor.Host.Tests.Support.HostProcess;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// A host whose scheduler can no longer write its store still stops on SIGTERM within its shutdown timeout. Quartz
/// retries releasing the triggers it had acquired until its store shuts down, which it does only after that wait; the
/// host used to hang until killed.
/// </summary>
public sealed class StopWithBrokenSchedulerStoreTests
{
    [Fact]
    public async Task SchedulerStoreGone_TheHostStillStopsOnSigterm()
    {
        var settings = new Dictionary<string, string>
        {
            ["Lapor__Database__Provider"] = "Sqlite",
            // The host's shutdown timeout (HostOptions), short so the test does not wait the default 30 s.
            ["DOTNET_shutdownTimeoutSeconds"] = "5",
        };
        await using var host = await BuiltHost.StartAsync("stop-broken-store", postgresConnection: "", settings);
        using var client = host.NewClient();

        // Both SQLite files unlinked under the running host: every write of the scheduler fails from now on.
        Directory.Delete(host.DataDirectory, recursive: true);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/health/ready")).IsSuccessStatusCode && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        // The scheduler polls every second (SweepIntervalSeconds 1): let it meet its unwritable store.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(await host.TerminateAsync(TimeSpan.FromSeconds(25)), "the host did not stop within 25 s of SIGTERM:\n" + host.RecentLog);
        // Not a clean stop, and said so: exit code 1 and the error an operator reads in the log.
        Assert.Equal(1, host.ExitCode);
        Assert.Contains("The scheduler did not stop within the host's shutdown timeout", host.RecentLog);
    }
}
