using Lapor.Workflows.History;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Portal;
using Lapor.Host.Tests.Support;
using Xunit.Abstractions;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.ScaleOut;

/// <summary>
/// Two hosts on one PostgreSQL serve as one system, counted from outside over HTTP and in the shared database: work
/// begun on one host is seen and finished on the other, a timer fires once whichever host holds it, and two hosts
/// racing for one task produce one winner.
/// </summary>
[Collection(SeveralHostsCollection.Name)]
public sealed class SeveralHostsTests(TwoHosts hosts, ITestOutputHelper output) : IClassFixture<TwoHosts>
{
    private const int Timers = 1_000;
    private const int Racers = 100;

    [Fact]
    public async Task AReportSubmittedOnOneHost_IsTrackedDownloadedAndHandledOnTheOther()
    {
        var photo = SamplePng.Square(16);
        using var citizen = SubmitForm.Client();
        var code = await SubmitForm.SubmitAsync(citizen, "Lampu jalan padam di Jl. Hayam Wuruk",
            [new SubmitForm.Upload("lampu.png", "image/png", () => new MemoryStream(photo))], formPage: Url(hosts.A, "Laporan/Buat"));

        var tracked = await TrackAsync(hosts.B, code);
        Assert.Equal("Menunggu verifikasi", tracked.GetProperty("stage").GetString());
        var attachment = Assert.Single(tracked.GetProperty("attachments").EnumerateArray()).GetProperty("id").GetString();
        using (var download = await citizen.GetAsync(Url(hosts.B, $"Lacak/{code}?handler=Attachment&id={attachment}")))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        }

        var task = Assert.Single((await hosts.B.Admin.GetJsonAsync($"task?processInstanceBusinessKey={code}")).EnumerateArray());
        Assert.Equal("verifikasi", task.Str("taskDefinitionKey"));
        await hosts.B.Admin.PostNoContentAsync($"task/{task.Id()}/complete", new
        {
            variables = new { decision = Typed("verify", "String"), agency = Typed("puprkim", "String") },
        });
        Assert.NotEqual("Menunggu verifikasi", (await TrackAsync(hosts.A, code)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task CookiesAndFormTokensIssuedByOneHost_AreAcceptedByTheOther()
    {
        using var browser = SubmitForm.Client();
        // The form (and its antiforgery token) from B, posted to A.
        await SubmitForm.SubmitAsync(browser, "Trotoar rusak di Jl. Diponegoro", [], formPage: Url(hosts.B, "Laporan/Buat"), postTo: Url(hosts.A, "Laporan/Buat"));

        // Signed in on A, the same cookie opens the staff inbox on B.
        await SignInAsync(browser, hosts.A, "koordinator");
        using var inbox = await browser.GetAsync(Url(hosts.B, "Tugas"));
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task APeriodExportAskedOnOneHost_IsBuiltOnce_AndDownloadedFromTheOther()
    {
        using var browser = SubmitForm.Client();
        var code = await SubmitForm.SubmitAsync(browser, "Pohon tumbang menutup Jl. Gatot Subroto", [], formPage: Url(hosts.A, "Laporan/Buat"));
        await SignInAsync(browser, hosts.A, "auditor");

        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).Year;
        using var asked = await browser.GetAsync(Url(hosts.A, $"Audit/Ekspor?handler=Download&periode={year}&format=csv"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = asked.Headers.Location!.OriginalString.TrimStart('/');
        string? file = null;
        for (var waited = Stopwatch.StartNew(); file is null; await Task.Delay(200))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the export was not ready within a minute\n" + hosts.Logs);
            using var status = JsonDocument.Parse(await browser.GetStringAsync(Url(hosts.B, page + "?handler=Status")));
            Assert.NotEqual("Failed", status.RootElement.GetProperty("state").GetString());
            file = status.RootElement.GetProperty("file").GetString();
        }
        // The file lives in the shared database, so the host that did not build it hands it out all the same.
        var csv = await browser.GetStringAsync(Url(hosts.B, file.TrimStart('/')));
        Assert.Contains(code, csv);
        var id = Guid.Parse(page.Split('/').Last());
        var rows = await hosts.QueryAsync("SELECT \"State\", \"CasesWritten\" FROM prepared_export WHERE \"Id\" = @id", ("id", id));
        Assert.Equal(2, Convert.ToInt32(Assert.Single(rows)[0]));
        Assert.True(Convert.ToInt32(rows[0][1]) >= 1);
    }

    [Fact]
    public async Task AThousandTimersDueAtOnce_FireExactlyOnceBetweenTheHosts()
    {
        // Each host is a member of Quartz's cluster under its own name, or the cluster could not tell them apart.
        var members = await hosts.QueryAsync("SELECT instance_name FROM qrtz_scheduler_state");
        Assert.Equal(2, members.Select(m => m[0]).Distinct().Count());

        // Far enough ahead for most starts on a quiet machine (about 50 a second); a start after the moment finds its
        // timer already due, which fires it at once and tests the same thing.
        var due = DateTimeOffset.UtcNow.AddSeconds(10);
        await DeployAsync(hosts.A, "serentak", Bpmn.TimerAt("serentak", due));
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Timers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var host = i % 2 == 0 ? hosts.A : hosts.B;
            await host.Admin.StartAsync("serentak", $"TIMER-{i:0000}", new { });
        });
        var startSeconds = started.Elapsed.TotalSeconds;
        output.WriteLine($"{Timers} instances started in {startSeconds:0.0} s; due {(due - DateTimeOffset.UtcNow).TotalSeconds:0.0} s from now");

        var completed = await WaitForAsync(async () => Count(await hosts.QueryAsync(
            """SELECT count(*) FROM wf_process_instance WHERE "DefinitionKey" = 'serentak' AND "Status" = 'Completed'""")) == Timers,
            due.AddSeconds(150));
        output.WriteLine($"all finished {(DateTimeOffset.UtcNow - due).TotalSeconds:0.0} s after they came due");
        var instances = (await hosts.QueryAsync("""SELECT "Id" FROM wf_process_instance WHERE "DefinitionKey" = 'serentak'""")).Select(r => (string)r[0]!).ToList();
        var counts = (await hosts.EventsAsync(instances)).Where(h => h.InstanceId is not null).GroupBy(h => h.InstanceId!).Select(g => new object?[]
        {
            g.Key,
            g.Count(h => h.ActivityId == "timer" && h.Kind == HistoryEventKind.ActivityStarted),
            g.Count(h => h.ActivityId == "timer" && h.Kind == HistoryEventKind.ActivityEnded),
            g.Count(h => h.ActivityId == "after" && h.Kind == HistoryEventKind.ActivityEnded),
            g.Count(h => h.Kind == HistoryEventKind.InstanceEnded),
        }).ToList();
        Assert.True(completed, $"{Count(await hosts.QueryAsync("""SELECT count(*) FROM wf_process_instance WHERE "DefinitionKey" = 'serentak' AND "Status" = 'Completed'"""))} "
                               + $"of {Timers} instances finished (started in {startSeconds:0.0} s)\n{hosts.Logs}");
        Assert.Equal(Timers, counts.Count);
        var wrong = counts.Where(c => c.Skip(1).Any(n => Convert.ToInt64(n) != 1)).Select(c => $"{c[0]}: {string.Join(',', c.Skip(1))}").ToList();
        Assert.True(wrong.Count == 0, $"instances whose timer did not fire exactly once (started, fired, task, ended): {string.Join("; ", wrong.Take(10))}");
        Assert.Equal(0, Count(await hosts.QueryAsync(
            """SELECT count(*) FROM wf_job j JOIN wf_process_instance i ON i."Id" = j."InstanceId" WHERE i."DefinitionKey" = 'serentak'""")));
    }

    [Fact]
    public async Task AHundredConcurrentCompletionsOfOneTask_OverBothHosts_HaveExactlyOneWinner()
    {
        await DeployAsync(hosts.B, "satuTugas", Bpmn.OneTask("satuTugas"));
        var instance = (await hosts.A.Admin.StartAsync("satuTugas", "RACE-1", new { })).Id();
        var task = (await hosts.B.Admin.SingleTaskAsync(instance, "review")).Id();
        // Both hosts have checked the password once, so the race is about the task, not about hashing.
        await hosts.A.Admin.GetJsonAsync("process-definition");
        await hosts.B.Admin.GetJsonAsync("process-definition");

        var start = new TaskCompletionSource();
        var racers = Enumerable.Range(0, Racers).Select(async i =>
        {
            await start.Task;
            var host = i % 2 == 0 ? hosts.A : hosts.B;
            using var response = await host.Admin.PostJsonAsync($"task/{task}/complete", new { variables = new { racer = Typed(i, "Integer") } });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.NoContent);
        var failures = results.Where(r => r.StatusCode != HttpStatusCode.NoContent).ToList();
        Assert.All(failures, r => Assert.True((int)r.StatusCode is >= 400 and < 500, $"a loser got {(int)r.StatusCode}: {r.Body}"));
        Assert.All(failures, r => Assert.Contains("\"message\"", r.Body));
        var history = await hosts.EventsAsync([instance]);
        Assert.Equal(1, history.Count(h => h.InstanceId == instance && h.Kind == HistoryEventKind.TaskCompleted));
        Assert.Equal("COMPLETED", (await hosts.A.Admin.GetJsonAsync($"history/process-instance/{instance}")).Str("state"));
    }

    private static string Url(HostProcess host, string path) => new Uri(host.BaseAddress, path).ToString();

    private static async Task SignInAsync(HttpClient browser, HostProcess host, string user)
    {
        var login = await browser.GetStringAsync(Url(host, "Akun/Masuk"));
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await browser.PostAsync(Url(host, "Akun/Masuk"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = user, ["Form.Password"] = "Lapor#Demo2026", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static async Task<JsonElement> TrackAsync(HostProcess host, string code)
    {
        using var client = host.NewClient();
        return await client.GetJsonAsync($"/api/reports/track/{code}");
    }

    private static async Task DeployAsync(HostProcess host, string key, string xml)
    {
        using var response = await host.Admin.DeployAsync(key, false, ($"{key}.bpmn", xml));
        await ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private static long Count(List<object?[]> rows) => Convert.ToInt64(rows.Single()[0]);

    /// <summary>Polls until <paramref name="done"/> or the deadline; every loop here is bounded in time.</summary>
    public static async Task<bool> WaitForAsync(Func<Task<bool>> done, DateTimeOffset deadline)
    {
        while (true)
        {
            if (await done())
                return true;
            if (DateTimeOffset.UtcNow > deadline)
                return false;
            await Task.Delay(500);
        }
    }
}
