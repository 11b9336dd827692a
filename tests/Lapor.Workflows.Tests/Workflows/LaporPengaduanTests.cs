using Lapor.Workflows.Calendars;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.ServiceTasks;
using Lapor.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Workflows;

/// <summary>The shipped default process, walked through every outcome with the shipped calendars and a fake clock.</summary>
public sealed class LaporPengaduanTests
{
    /// <summary>Stands in for the host's notifier: records which template went to whom.</summary>
    private sealed class RecordingNotifier(List<string> sent) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct)
        {
            sent.Add($"{context.Properties["template"]}:{context.Variables["agency"]}");
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    private sealed class Case(EngineHarness harness, string id, List<string> sent) : IAsyncDisposable
    {
        public EngineHarness H { get; } = harness;
        public string Id { get; } = id;
        public List<string> Sent { get; } = sent;

        public Task Complete(string task, object? variables = null) => H.CompleteAsync(Id, task, variables);

        public Task Message(string name, object? variables = null) =>
            H.With(e => e.CorrelateAsync(new MessageCorrelation(name, ProcessInstanceId: Id, Variables: EngineHarness.Vars(variables)), "pelapor"));

        public async Task<string> EndAsync() => (await H.CompletedActivitiesAsync(Id)).Last();

        public async Task<List<string>> OpenTasksAsync() => (await H.TasksAsync(Id)).Select(t => t.TaskDefinitionKey).Order().ToList();

        public ValueTask DisposeAsync() => H.DisposeAsync();
    }

    /// <summary>Submitted on Monday 20 April 2026, 09:00 WITA (a week without holidays) unless said otherwise.</summary>
    private static async Task<Case> SubmitAsync(DateTimeOffset? at = null, object? variables = null)
    {
        var sent = new List<string>();
        var calendar = new BusinessCalendar(HolidayFile.LoadDirectory(RepoFiles.Calendars), CalendarZones.Wita);
        var h = new EngineHarness(s => s.AddSingleton(sent).AddServiceTask<RecordingNotifier>("notify"), calendar);
        await h.DeployAsync(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Workflows, "rute-instansi.dmn")), "rute-instansi.dmn");
        await h.DeployAsync(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Workflows, "lapor-pengaduan.bpmn")), "lapor-pengaduan.bpmn");
        h.Clock.SetUtcNow(at ?? new DateTimeOffset(2026, 4, 20, 1, 0, 0, TimeSpan.Zero));
        return new Case(h, await h.StartAsync("lapor-pengaduan", variables, businessKey: "LPR-0001"), sent);
    }

    private static async Task<Case> VerifiedAsync(string agency = "dinkes")
    {
        var c = await SubmitAsync();
        await c.Complete("verifikasi", new { decision = "verify", agency });
        return c;
    }

    [Theory]
    [InlineData("jalan", null, "puprkim")]
    [InlineData("kesehatan", null, "dinkes")]
    [InlineData("kesehatan", "rsud-bali-mandara", "rsud-bali-mandara")]
    [InlineData("tidak-dikenal", null, "inspektorat")]
    public async Task TheRoutingTable_ProposesTheAgencyBeforeVerification(string category, string? targetAgency, string proposed)
    {
        await using var c = await SubmitAsync(variables: new { category, targetAgency });
        Assert.Equal(["verifikasi"], await c.OpenTasksAsync());
        Assert.Equal(proposed, (await c.H.VariablesAsync(c.Id))["agency"]);
    }

    [Fact]
    public async Task Verify_Respond_Confirm_EndsCompleted()
    {
        await using var c = await SubmitAsync();
        Assert.Equal(new DateTime(2026, 4, 23, 1, 0, 0, DateTimeKind.Utc), (await c.H.SingleTaskAsync(c.Id, "verifikasi")).Due); // 3 working days

        await c.Complete("verifikasi", new { decision = "verify", agency = "dinkes" });
        var respond = await c.H.SingleTaskAsync(c.Id, "tindakLanjut");
        Assert.Equal("dinkes", Assert.Single(respond.Candidates).Value);
        Assert.Equal(new DateTime(2026, 4, 27, 1, 0, 0, DateTimeKind.Utc), respond.Due); // 5 working days

        await c.Complete("tindakLanjut", new { outcome = "respond", response = "Sudah ditangani" });
        Assert.Equal(["tungguKonfirmasi"], await c.H.PositionsAsync(c.Id));
        await c.Message("ReporterConfirmed", new { rating = 5 });
        Assert.Equal("selesai", await c.EndAsync());
        Assert.Equal(InstanceStatus.Completed, (await c.H.InstanceAsync(c.Id)).Status);
    }

    [Fact]
    public async Task VerificationDeadline_SkipsPagerwesiInBali()
    {
        await using var c = await SubmitAsync(new DateTimeOffset(2026, 4, 6, 1, 0, 0, TimeSpan.Zero)); // Monday 6 April
        // Tue 7, (Wed 8 Pagerwesi), Thu 9, Fri 10.
        Assert.Equal(new DateTime(2026, 4, 10, 1, 0, 0, DateTimeKind.Utc), (await c.H.SingleTaskAsync(c.Id, "verifikasi")).Due);
    }

    [Fact]
    public async Task Hold_ThenTheReporterReplies_BackToVerification()
    {
        await using var c = await SubmitAsync();
        await c.Complete("verifikasi", new { decision = "hold", reason = "Lokasi kurang jelas" });
        Assert.Equal(["tungguPelapor"], await c.H.PositionsAsync(c.Id));
        await c.Message("ReporterReplied", new { reply = "Jl. Gajah Mada No. 1" });
        Assert.Equal(["verifikasi"], await c.OpenTasksAsync());
    }

    [Fact]
    public async Task Hold_WithoutReply_IsArchivedAfterTenWorkingDays()
    {
        await using var c = await SubmitAsync();
        await c.Complete("verifikasi", new { decision = "hold" });
        Assert.Equal(0, await c.H.AdvanceAsync(TimeSpan.FromDays(14)));
        Assert.Equal(1, await c.H.AdvanceAsync(TimeSpan.FromDays(1))); // Tue 5 May: 10 working days, skipping Labour Day
        Assert.Equal("diarsipkan", await c.EndAsync());
    }

    [Theory]
    [InlineData("notInRemit", "diteruskanKeLuar")]
    [InlineData("archive", "diarsipkan")]
    public async Task NotInRemitAndArchive_EndTheCase(string decision, string end)
    {
        await using var c = await SubmitAsync();
        await c.Complete("verifikasi", new { decision, archiveReason = "duplicate" });
        Assert.Equal(end, await c.EndAsync());
    }

    [Fact]
    public async Task LateAgency_IsReminded_ThenEscalatedToSupervisorAndCoordinator_WatchedByTheOmbudsman()
    {
        await using var c = await VerifiedAsync();
        await c.H.AdvanceAsync(TimeSpan.FromDays(4)); // Friday 24 April: one working day left
        Assert.Equal(["reminder:dinkes"], c.Sent);
        Assert.Equal(["tindakLanjut"], await c.OpenTasksAsync());

        await c.H.AdvanceAsync(TimeSpan.FromDays(3)); // Monday 27 April: deadline passed
        var escalation = await c.H.SingleTaskAsync(c.Id, "eskalasi");
        Assert.Equal(["dinkes-supervisor", "inspektorat", "ombudsman"], escalation.Candidates.Select(x => x.Value).Order());
        Assert.Equal(80, escalation.Priority);

        await c.Complete("eskalasi", new { agency = "dishub" });
        var again = await c.H.SingleTaskAsync(c.Id, "tindakLanjut");
        Assert.Equal("dishub", Assert.Single(again.Candidates).Value);
    }

    [Fact]
    public async Task Forwarding_MovesTheTaskToTheNamedAgency()
    {
        await using var c = await VerifiedAsync("dinkes");
        await c.Complete("tindakLanjut", new { outcome = "forward", forwardTo = "dinsos", forwardReason = "Bantuan sosial" });
        var task = await c.H.SingleTaskAsync(c.Id, "tindakLanjut");
        Assert.Equal("dinsos", Assert.Single(task.Candidates).Value);
        Assert.Equal(1L, (await c.H.VariablesAsync(c.Id))["forwardCount"]);
    }

    [Fact]
    public async Task ForwardedThreeTimes_IsEscalatedInsteadOfPassedOn()
    {
        await using var c = await VerifiedAsync("dinkes");
        foreach (var next in new[] { "dinsos", "dishub", "dlhk" })
            await c.Complete("tindakLanjut", new { outcome = "forward", forwardTo = next, forwardReason = "Bukan wewenang" });
        Assert.Equal(["eskalasi"], await c.OpenTasksAsync());
        await c.Complete("eskalasi", new { agency = "dinkes" });
        Assert.Equal(["tindakLanjut"], await c.OpenTasksAsync());
        Assert.Equal(0L, (await c.H.VariablesAsync(c.Id))["forwardCount"]);
    }

    [Fact]
    public async Task Reopen_SendsTheCaseBackToTheAgency()
    {
        await using var c = await VerifiedAsync();
        await c.Complete("tindakLanjut", new { outcome = "respond", response = "Sudah" });
        await c.Message("ReportReopened", new { reopenReason = "Belum diperbaiki" });
        Assert.Equal(["tindakLanjut"], await c.OpenTasksAsync());
        Assert.Equal(1L, (await c.H.VariablesAsync(c.Id))["reopenCount"]);
    }

    [Fact]
    public async Task QuietAfterTheAnswer_ClosesAutomatically()
    {
        await using var c = await VerifiedAsync();
        await c.Complete("tindakLanjut", new { outcome = "respond", response = "Sudah" });
        Assert.Equal(1, await c.H.AdvanceAsync(TimeSpan.FromDays(15)));
        Assert.Equal("ditutupOtomatis", await c.EndAsync());
    }

    [Fact]
    public async Task AgencyAsksTheReporter_ReplyReturnsTheTaskToTheAgency()
    {
        await using var c = await VerifiedAsync("dinkes");
        await c.Complete("tindakLanjut", new { outcome = "ask", question = "Di puskesmas mana?" });
        Assert.Contains("tungguDataInstansi", await c.H.PositionsAsync(c.Id));
        Assert.Empty(await c.OpenTasksAsync());

        await c.Message("ReporterReplied", new { reply = "Puskesmas Kuta I" });
        var task = await c.H.SingleTaskAsync(c.Id, "tindakLanjut");
        Assert.Equal("dinkes", Assert.Single(task.Candidates).Value);
    }

    [Fact]
    public async Task AgencyAsksTheReporter_NoReplyWithinThreeWorkingDays_ReturnsTheTaskAnyway()
    {
        await using var c = await VerifiedAsync("dinkes");
        await c.Complete("tindakLanjut", new { outcome = "ask", question = "Di puskesmas mana?" });
        // Monday 09:00 + 3 working days = Thursday 09:00; the agency's 5-day deadline is still ahead.
        c.H.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 23, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await c.H.AdvanceAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(["tindakLanjut"], await c.OpenTasksAsync());
    }
}
