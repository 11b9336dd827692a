using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using Xunit.Abstractions;

namespace Lapor.Host.Tests.ScaleOut;

/// <summary>
/// kill -9 of one host while citizens submit to both: every report that got its 201 survives and tracks on the other
/// host, which keeps accepting reports and fires the timers the dead host had created.
/// </summary>
[Collection(SeveralHostsCollection.Name)]
public sealed class HostKilledTests(TwoHosts hosts, ITestOutputHelper output) : IClassFixture<TwoHosts>
{
    private const int Clients = 6;
    private const int TimerInstances = 20;
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan LoadAfter = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task KillingOneHostDuringSubmissions_LosesNoAcknowledgedReport_AndTheOtherCarriesOn()
    {
        // Timers created on A, due shortly after A dies.
        var due = DateTimeOffset.UtcNow + LoadBefore + TimeSpan.FromSeconds(6);
        using (var deployed = await hosts.A.Admin.DeployAsync("tinggal", false, ("tinggal.bpmn", Bpmn.TimerAt("tinggal", due))))
            await EngineRestCalls.ExpectJsonAsync(deployed, HttpStatusCode.OK);
        for (var i = 0; i < TimerInstances; i++)
            await hosts.A.Admin.StartAsync("tinggal", $"ORPHAN-{i}", new { });

        var acknowledged = new ConcurrentBag<string>();
        var acknowledgedByA = 0;
        var lostOnA = 0;
        var refusedByB = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var toA = hosts.A.NewClient();
            using var toB = hosts.B.NewClient();
            for (var n = 0; n < 2_000 && clock.Elapsed < LoadBefore + LoadAfter; n++)
            {
                var onA = (c + n) % 2 == 0;
                try
                {
                    using var response = await (onA ? toA : toB).PostAsJsonAsync("/api/reports", Report(c, n));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!);
                        if (onA)
                            Interlocked.Increment(ref acknowledgedByA);
                    }
                    else if (!onA)
                        refusedByB.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception ex) when (onA && ex is HttpRequestException or TaskCanceledException)
                {
                    // A is gone (or going): the request was never acknowledged, so nothing is owed.
                    Interlocked.Increment(ref lostOnA);
                }
            }
        })).ToList();
        await Task.Delay(LoadBefore);
        var acknowledgedBeforeKill = acknowledged.Count;
        hosts.A.Kill();
        await Task.WhenAll(load);
        output.WriteLine($"{acknowledged.Count} reports acknowledged ({acknowledgedBeforeKill} before the kill, {acknowledgedByA} by A); {lostOnA} requests to A got no answer");

        Assert.True(acknowledgedByA > 0 && lostOnA > 0, "A must have acknowledged reports before the kill and refused some after, or the test proves nothing");
        Assert.True(refusedByB.IsEmpty, $"B refused submissions while A died: {string.Join("; ", refusedByB.Take(5))}");
        using var b = hosts.B.NewClient();
        var missing = new List<string>();
        foreach (var code in acknowledged)
        {
            using var tracked = await b.GetAsync($"/api/reports/track/{code}");
            if (tracked.StatusCode != HttpStatusCode.OK)
                missing.Add($"{code} ({(int)tracked.StatusCode})");
        }
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged reports do not track on B: {string.Join(", ", missing.Take(10))}");

        using (var after = await b.PostAsJsonAsync("/api/reports", Report(99, 0)))
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var fired = await SeveralHostsTests.WaitForAsync(async () => await CompletedTimersAsync() == TimerInstances, due.AddSeconds(45));
        Assert.True(fired, $"{await CompletedTimersAsync()} of {TimerInstances} timers created on A fired after A died\n{hosts.B.RecentLog}");
    }

    private async Task<long> CompletedTimersAsync() => Convert.ToInt64((await hosts.QueryAsync(
        """SELECT count(*) FROM wf_process_instance WHERE "DefinitionKey" = 'tinggal' AND "Status" = 'Completed'""")).Single()[0]);

    private static object Report(int client, int n) => new
    {
        type = "Complaint",
        title = $"Jalan berlubang nomor {client}-{n}",
        description = "Lubang besar di tengah jalan, sudah dua motor jatuh minggu ini.",
        categoryCode = "jalan",
        reporter = new { name = "Ni Made Sari", email = "made.sari@contoh.id" },
    };
}
