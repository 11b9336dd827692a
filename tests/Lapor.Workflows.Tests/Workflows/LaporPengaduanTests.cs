using Lapor.Workflows.Calendars;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Workflows;

/// <summary>The shipped default process, walked with the shipped calendar and a fake clock.</summary>
public sealed class LaporPengaduanTests
{
    private static async Task<(EngineHarness, string)> SubmittedAsync(DateTimeOffset? at = null)
    {
        var calendar = new BusinessCalendar(HolidayFile.LoadDirectory(RepoFiles.Calendars), CalendarZones.Wita);
        var h = new EngineHarness(calendar: calendar);
        await h.DeployAsync(await File.ReadAllTextAsync(Path.Combine(RepoFiles.Workflows, "lapor-pengaduan.bpmn")), "lapor-pengaduan.bpmn");
        // Monday 20 April 2026, 09:00 WITA: a week without holidays (Pagerwesi, 8 April, is covered below).
        h.Clock.SetUtcNow(at ?? new DateTimeOffset(2026, 4, 20, 1, 0, 0, TimeSpan.Zero));
        var id = await h.StartAsync("lapor-pengaduan", businessKey: "LPR-0001");
        return (h, id);
    }

    [Fact]
    public async Task VerifiedReport_GoesToTheAgency_WhichAnswersInTime()
    {
        var (h, id) = await SubmittedAsync();
        await using var _ = h;
        var verify = await h.SingleTaskAsync(id, "verifikasi");
        Assert.Equal(new DateTime(2026, 4, 23, 1, 0, 0, DateTimeKind.Utc), verify.Due); // 3 working days

        await h.CompleteAsync(id, "verifikasi", new { decision = "verify", agency = "dinkes" });
        var respond = await h.SingleTaskAsync(id, "tindakLanjut");
        Assert.Equal("dinkes", Assert.Single(respond.Candidates).Value);
        Assert.Equal(new DateTime(2026, 4, 27, 1, 0, 0, DateTimeKind.Utc), respond.Due); // Mon 20 Apr + 5 working days

        await h.CompleteAsync(id, "tindakLanjut", new { response = "Sudah ditangani" });
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
        Assert.Equal("selesai", (await h.CompletedActivitiesAsync(id)).Last());
    }

    [Fact]
    public async Task LateAgency_IsRemindedThenEscalated_AndTheCaseReturnsToIt()
    {
        var (h, id) = await SubmittedAsync();
        await using var _ = h;
        await h.CompleteAsync(id, "verifikasi", new { decision = "verify", agency = "dinkes" });

        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(6))); // Sunday: four working days passed → reminder
        Assert.Contains(await h.TasksAsync(id), t => t.TaskDefinitionKey == "ingatkanInstansi" && t.Candidates.Single().Value == "dinkes-supervisor");
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1))); // Monday 27 April: deadline passed → escalation
        Assert.DoesNotContain(await h.TasksAsync(id), t => t.TaskDefinitionKey == "tindakLanjut");

        await h.CompleteAsync(id, "eskalasi");
        Assert.Single(await h.TasksAsync(id), t => t.TaskDefinitionKey == "tindakLanjut");
    }

    [Fact]
    public async Task OnHold_ContinuesWhenTheReporterReplies()
    {
        var (h, id) = await SubmittedAsync();
        await using var _ = h;
        await h.CompleteAsync(id, "verifikasi", new { decision = "hold", reason = "Lokasi kurang jelas" });
        Assert.Equal(["tungguPelapor"], await h.PositionsAsync(id));

        await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", BusinessKey: "LPR-0001",
            Variables: EngineHarness.Vars(new { reply = "Jl. Gajah Mada No. 1" })), "pelapor"));
        Assert.Equal(["verifikasi"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task OnHold_IsArchivedAfterTenWorkingDaysWithoutReply()
    {
        var (h, id) = await SubmittedAsync();
        await using var _ = h;
        await h.CompleteAsync(id, "verifikasi", new { decision = "hold" });
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(14)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1))); // Tue 5 May: 10 working days, skipping Labour Day
        Assert.Equal("diarsipkan", (await h.CompletedActivitiesAsync(id)).Last());
    }

    [Fact]
    public async Task VerificationDeadline_SkipsPagerwesiInBali()
    {
        var (h, id) = await SubmittedAsync(new DateTimeOffset(2026, 4, 6, 1, 0, 0, TimeSpan.Zero)); // Monday 6 April
        await using var _ = h;
        // Tue 7, (Wed 8 Pagerwesi), Thu 9, Fri 10.
        Assert.Equal(new DateTime(2026, 4, 10, 1, 0, 0, DateTimeKind.Utc), (await h.SingleTaskAsync(id, "verifikasi")).Due);
    }

    [Theory]
    [InlineData("notInRemit", "diteruskan")]
    [InlineData("archive", "diarsipkan")]
    public async Task OtherOutcomes_EndTheCaseWhereTheyShould(string decision, string end)
    {
        var (h, id) = await SubmittedAsync();
        await using var _ = h;
        await h.CompleteAsync(id, "verifikasi", new { decision });
        Assert.Equal(end, (await h.CompletedActivitiesAsync(id)).Last());
    }
}
