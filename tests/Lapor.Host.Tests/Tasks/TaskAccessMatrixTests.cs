using System.Net;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Tasks;

/// <summary>
/// Every task page handler and the engine API, for every role that must be refused, on a task of agency "puprkim"
/// and on a guessed id. A refusal is 404 for staff of another agency and for unknown ids (the two cannot be told
/// apart), 403 for staff who see the task but may not act (the auditor, an officer on a coordinator action), and the
/// login form or the access-denied page for people who are not staff at all. After the whole matrix, nothing changed.
/// </summary>
public sealed class TaskAccessMatrixTests(TaskHost host) : IClassFixture<TaskHost>
{
    private const string Guessed = "01a22591-0000-7000-8000-000000000000";

    private enum Expect { Login, AccessDenied, NotFound, Forbidden }

    /// <summary>(user, password) — null user is an anonymous visitor.</summary>
    private static readonly (string? User, string Password)[] Refused =
    [
        (null, ""), ("pelapor", Browser.DemoPassword), ("ombudsman", Browser.DemoPassword),
        ("dinkes.petugas", Browser.DemoPassword), ("dinkes.kepala", Browser.DemoPassword), ("auditor", Browser.DemoPassword),
    ];

    private static Expect ExpectedFor(string? user, bool guessedId, string handler) => user switch
    {
        null => Expect.Login,
        "pelapor" or "ombudsman" => Expect.AccessDenied,
        "dinkes.petugas" or "dinkes.kepala" => Expect.NotFound,
        "auditor" when guessedId => Expect.NotFound,
        "auditor" when handler is "GET" or "Attachment" => throw new InvalidOperationException("the auditor may read"),
        "auditor" => Expect.Forbidden,
        _ => throw new InvalidOperationException(user),
    };

    private static readonly (string Handler, Dictionary<string, string> Fields)[] Posts =
    [
        ("Claim", []),
        ("Complete", new() { ["f.outcome"] = "respond", ["f.response"] = "Sudah ditangani." }),
        ("Note", new() { ["note"] = "Catatan dari luar." }),
        ("Reassign", new() { ["assignee"] = "dinkes.petugas" }),
        ("TakeOver", []),
        ("DueDate", new() { ["due"] = "2099-01-05", ["dueReason"] = "Dicoba" }),
    ];

    [Fact]
    public async Task EveryHandler_RefusesEveryoneWhoMayNot_WithoutLeakingOrChangingAnything()
    {
        var (code, taskId) = await host.ReportAtResponseAsync("puprkim", title: "Jalan berlubang di Jalan Matrix");
        var before = await host.TaskAsync(taskId);
        var failures = new List<string>();

        foreach (var (user, password) in Refused)
        {
            using var browser = user is null ? Browser.Open(host) : await Browser.SignedInAsync(host, user, password);
            var token = await TokenAsync(browser);
            foreach (var id in new[] { taskId, Guessed })
            {
                var guessed = id == Guessed;
                if (!(user == "auditor" && !guessed))
                {
                    Check(failures, user, $"GET /Tugas/{(guessed ? "guess" : "task")}", await browser.Client.GetAsync($"/Tugas/{id}"), ExpectedFor(user, guessed, "GET"));
                    Check(failures, user, $"GET attachment {(guessed ? "guess" : "task")}",
                        await browser.Client.GetAsync($"/Tugas/{id}?handler=Attachment&id={Guid.NewGuid()}"), ExpectedFor(user, guessed, "Attachment"));
                }
                foreach (var (handler, fields) in Posts)
                {
                    var form = new Dictionary<string, string>(fields);
                    if (token is not null)
                        form["__RequestVerificationToken"] = token;
                    var response = await browser.Client.PostAsync($"/Tugas/{id}?handler={handler}", new FormUrlEncodedContent(form));
                    Check(failures, user, $"POST {handler} {(guessed ? "guess" : "task")}", response, ExpectedFor(user, guessed, handler));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var after = await host.TaskAsync(taskId);
        Assert.NotNull(after);
        Assert.Equal((before!.Assignee, before.Due, before.Revision), (after.Assignee, after.Due, after.Revision));
        Assert.Empty(await host.OperationsAsync(taskId));
        Assert.Empty(await host.NotesAsync((await host.ReportAsync(code)).Id));
    }

    [Theory]
    [InlineData("dinkes.petugas")]
    [InlineData("dinkes.kepala")]
    public async Task AnotherAgencysStaff_CannotListOrSearchTheTask(string user)
    {
        var (code, taskId) = await host.ReportAtResponseAsync("puprkim", title: "Trotoar rusak dekat pasar");
        using var browser = await Browser.SignedInAsync(host, user, Browser.DemoPassword);

        foreach (var url in new[] { "/Tugas", $"/Tugas?cari={code}", "/Tugas?cari=Trotoar", "/Tugas?tampil=Unassigned", "/Tugas?tampil=Overdue" })
        {
            var page = await browser.Client.GetStringAsync(url);
            Assert.DoesNotContain(taskId, page);
            Assert.DoesNotContain("Trotoar rusak", page);
        }
    }

    [Theory]
    [InlineData("dinkes.petugas", "GET", "/engine-rest/task")]
    [InlineData("puprkim.petugas", "GET", "/engine-rest/task")]
    [InlineData("auditor", "GET", "/engine-rest/task")]
    [InlineData("ombudsman", "GET", "/engine-rest/history/user-operation")]
    [InlineData("pelapor", "GET", "/engine-rest/process-definition")]
    [InlineData("puprkim.petugas", "POST", "/engine-rest/task/{task}/claim")]
    [InlineData("auditor", "POST", "/engine-rest/task/{task}/complete")]
    [InlineData("dinkes.kepala", "POST", "/engine-rest/task/{task}/assignee")]
    public async Task TheEngineApi_IsForCoordinatorsAndAdministratorsOnly(string user, string method, string path)
    {
        var (_, taskId) = await host.ReportAtResponseAsync("puprkim", title: "Lampu jalan padam");
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Browser.Basic(user, Browser.DemoPassword);
        var url = path.Replace("{task}", taskId);

        var response = method == "GET"
            ? await client.GetAsync(url)
            : await client.PostAsync(url, new StringContent("{\"userId\":\"" + user + "\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await host.TaskAsync(taskId))!.Assignee);
    }

    private static async Task<string?> TokenAsync(Browser browser)
    {
        // Any page with a form carries a token bound to this user's cookie; the layout's language switch is on every page.
        var page = await browser.Client.GetStringAsync("/");
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static void Check(List<string> failures, string? user, string what, HttpResponseMessage response, Expect expected)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        var ok = expected switch
        {
            Expect.Login => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Akun/Masuk"),
            Expect.AccessDenied => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Status/403"),
            Expect.NotFound => response.StatusCode == HttpStatusCode.NotFound,
            Expect.Forbidden => response.StatusCode == HttpStatusCode.Forbidden,
            _ => false,
        };
        if (!ok)
            failures.Add($"{user ?? "anonymous"} {what}: expected {expected}, got {(int)response.StatusCode} {location}");
    }
}
