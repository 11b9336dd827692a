using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReportLifecycleTests
{
    private const string Coordinator = "Inspektorat Provinsi Bali";

    [Fact]
    public void Disposition_SetsTheResponsibleAgency_AndShowsItOnTheTimeline()
    {
        var report = Submitted();

        Assert.Empty(report.Dispose("puprkim", Coordinator, Now.AddHours(2)));

        Assert.Equal("puprkim", report.ResponsibleAgencyCode);
        Assert.Equal(
            new TimelineEntry(Now.AddHours(2), TimelineEntryKind.Disposed, null, Coordinator, "puprkim") { Seq = 1 },
            report.Timeline[^1]);
    }

    [Fact]
    public void ASecondDisposition_IsRefused_BecauseMovingOnNeedsAReason()
    {
        var report = Submitted();
        report.Dispose("puprkim", Coordinator, Now);

        var errors = report.Dispose("kab-badung", Coordinator, Now.AddHours(1));

        Assert.Equal("AgencyCode", Assert.Single(errors).Field);
        Assert.Equal("puprkim", report.ResponsibleAgencyCode);
    }

    [Fact]
    public void DisposingToAMalformedCode_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Submitted().Dispose("Dinas PU", Coordinator, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ForwardingWithoutAReason_IsRefused_AndChangesNothing(string? reason)
    {
        var report = Submitted();
        report.Dispose("puprkim", Coordinator, Now);
        var entries = report.Timeline.Count;

        var errors = report.ForwardTo("kab-badung", reason, "Dinas PUPRKIM", Now.AddDays(1));

        Assert.Equal(("Reason", "Alasan wajib diisi."), Assert.Single(errors).Written());
        Assert.Equal("puprkim", report.ResponsibleAgencyCode);
        Assert.Equal(entries, report.Timeline.Count);
    }

    [Fact]
    public void ForwardingWithAReason_MovesTheReport_AndTellsTheReporterWhy()
    {
        var report = Submitted();
        report.Dispose("puprkim", Coordinator, Now);
        const string reason = "Jalan Raya Sempidi adalah jalan kabupaten, kewenangan Pemerintah Kabupaten Badung.";

        Assert.Empty(report.ForwardTo("kab-badung", reason, "Dinas PUPRKIM", Now.AddDays(1)));

        Assert.Equal("kab-badung", report.ResponsibleAgencyCode);
        Assert.Equal(
            new TimelineEntry(Now.AddDays(1), TimelineEntryKind.Forwarded, reason, "Dinas PUPRKIM", "kab-badung") { Seq = 2 },
            report.Timeline[^1]);
    }

    [Fact]
    public void ForwardingToTheAgencyThatHasIt_IsRefused()
    {
        var report = Submitted();
        report.Dispose("puprkim", Coordinator, Now);

        var errors = report.ForwardTo("puprkim", "Salah kirim.", Coordinator, Now);

        Assert.Equal(("AgencyCode", "Laporan sudah berada di instansi ini."), Assert.Single(errors).Written());
    }

    [Fact]
    public void AReportCanBeForwardedBeforeAnyDisposition()
    {
        var report = Submitted();

        Assert.Empty(report.ForwardTo("polda-bali", "Laporan menyangkut dugaan tindak pidana.", Coordinator, Now));

        Assert.Equal("polda-bali", report.ResponsibleAgencyCode);
    }

    [Fact]
    public void MovingToAStage_ChangesTheStage_AndRecordsWhatTheReporterReads()
    {
        var report = Submitted();

        Assert.Empty(report.MoveToStage("in-progress", "Sedang ditindaklanjuti oleh instansi.", Now.AddDays(1)));

        Assert.Equal("in-progress", report.Stage);
        Assert.Equal(TimelineEntryKind.StageChanged, report.Timeline[^1].Kind);
        Assert.Equal("Sedang ditindaklanjuti oleh instansi.", report.Timeline[^1].PublicText);
    }

    [Fact]
    public void APublicResponse_IsPublishedWithItsAuthor()
    {
        var report = Submitted();

        Assert.Empty(report.AddPublicResponse("Lubang sudah ditambal pada 12 Maret.", "Kab. Badung", Now.AddDays(2)));

        Assert.Equal(
            new TimelineEntry(Now.AddDays(2), TimelineEntryKind.PublicResponse, "Lubang sudah ditambal pada 12 Maret.", "Kab. Badung") { Seq = 1 },
            report.Timeline[^1]);
    }

    [Fact]
    public void AnEmptyReply_IsRefused()
    {
        var errors = Submitted().AddReporterReply(" ", Now);

        Assert.Equal(("Reply", "Balasan wajib diisi."), Assert.Single(errors).Written());
    }

    [Fact]
    public void AClosedReport_TakesNoMoreResponsesRepliesOrForwards()
    {
        var report = Closed();
        var entries = report.Timeline.Count;

        Assert.Equal("Status", Assert.Single(report.AddPublicResponse("Tambahan.", "Kab. Badung", Now)).Field);
        Assert.Equal("Status", Assert.Single(report.AddReporterReply("Tambahan.", Now)).Field);
        Assert.Equal("Status", Assert.Single(report.ForwardTo("kab-badung", "Alasan.", Coordinator, Now)).Field);
        Assert.Equal("Status", Assert.Single(report.Close(Now)).Field);
        Assert.Equal(entries, report.Timeline.Count);
    }

    [Fact]
    public void Closing_RecordsWhen()
    {
        var report = Closed();

        Assert.Equal(ReportStatus.Closed, report.Status);
        Assert.Equal(Now.AddDays(3), report.ClosedAt);
        Assert.Equal(TimelineEntryKind.Closed, report.Timeline[^1].Kind);
    }

    [Fact]
    public void AnAnsweredReport_WaitsForTheReporter_AndIsNotClosed()
    {
        var report = Answered();

        Assert.Equal(ReportStatus.AwaitingConfirmation, report.Status);
        Assert.Null(report.ClosedAt);
        Assert.Equal(TimelineEntryKind.AwaitingConfirmation, report.Timeline[^1].Kind);
        Assert.DoesNotContain(report.Timeline, e => e.Kind == TimelineEntryKind.Closed);

        var entries = report.Timeline.Count;
        Assert.Empty(report.AwaitConfirmation(Now.AddDays(4)));
        Assert.Equal(entries, report.Timeline.Count);

        Assert.Empty(report.Close(Now.AddDays(13)));
        Assert.Equal(ReportStatus.Closed, report.Status);
        Assert.Equal(Now.AddDays(13), report.ClosedAt);
    }

    [Fact]
    public void AClosedReport_DoesNotGoBackToWaitingForConfirmation()
    {
        var report = Closed();

        Assert.Equal(("Status", "Laporan sudah ditutup."), Assert.Single(report.AwaitConfirmation(Now.AddDays(4))).Written());
        Assert.Equal(ReportStatus.Closed, report.Status);
    }

    [Fact]
    public void ResumingHandling_OpensAnAnsweredReportAgain_WithoutAReopenOnTheTimeline()
    {
        var report = Answered();
        var entries = report.Timeline.Count;

        report.ResumeHandling();

        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Equal(entries, report.Timeline.Count);
        var closed = Closed();
        closed.ResumeHandling();
        Assert.Equal(ReportStatus.Closed, closed.Status);
    }

    [Fact]
    public void ReopeningAnOpenReport_IsRefused()
    {
        var errors = Submitted().Reopen("Belum selesai.", Now);

        Assert.Equal(("Status", "Laporan tidak sedang menunggu konfirmasi pelapor."), Assert.Single(errors).Written());
    }

    [Fact]
    public void ReopeningAClosedReport_IsRefused_BecauseItsProcessHasEnded()
    {
        var report = Closed();

        Assert.Equal(("Status", "Laporan sudah ditutup."), Assert.Single(report.Reopen("Belum selesai.", Now.AddDays(4))).Written());
        Assert.Equal(ReportStatus.Closed, report.Status);
    }

    [Fact]
    public void ReopeningWithoutAReason_IsRefused_AndTheReportKeepsWaiting()
    {
        var report = Answered();

        var errors = report.Reopen("", Now.AddDays(4));

        Assert.Equal(("Reason", "Alasan wajib diisi."), Assert.Single(errors).Written());
        Assert.Equal(ReportStatus.AwaitingConfirmation, report.Status);
    }

    [Fact]
    public void ReopeningAnAnsweredReportWithAReason_OpensItAgain()
    {
        var report = Answered();

        Assert.Empty(report.Reopen("Lubang muncul lagi setelah hujan.", Now.AddDays(4)));

        Assert.Equal(ReportStatus.Open, report.Status);
        Assert.Null(report.ClosedAt);
        Assert.Equal(
            new TimelineEntry(Now.AddDays(4), TimelineEntryKind.Reopened, "Lubang muncul lagi setelah hujan.", null) { Seq = 2 },
            report.Timeline[^1]);
    }

    [Fact]
    public void RatingAnOpenReport_IsRefused()
    {
        var report = Submitted();

        Assert.Equal(("Status", "Laporan tidak sedang menunggu konfirmasi pelapor."), Assert.Single(report.Rate(5, null, Now)).Written());
        Assert.Null(report.Rating);
    }

    [Fact]
    public void AClosedReport_MayStillBeRated()
    {
        var report = Closed();

        Assert.Empty(report.Rate(3, null, Now.AddDays(4)));

        Assert.Equal(3, report.Rating!.Stars);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void ARatingOutsideOneToFive_IsRefused(int stars)
    {
        var report = Answered();

        Assert.Equal(("Stars", "Penilaian harus antara 1 dan 5."), Assert.Single(report.Rate(stars, null, Now)).Written());
        Assert.Null(report.Rating);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void OneAndFiveStars_AreBothAccepted(int stars)
    {
        var report = Answered();

        Assert.Empty(report.Rate(stars, "  Cepat ditangani.  ", Now.AddDays(4)));

        Assert.Equal(new Rating(stars, "Cepat ditangani.", Now.AddDays(4)), report.Rating);
        Assert.Equal($"Pelapor memberi penilaian {stars} dari 5.", report.Timeline[^1].PublicText);
    }

    [Fact]
    public void AReportIsRatedOnce_EvenAfterItIsReopenedAndAnsweredAgain()
    {
        var report = Answered();
        report.Rate(2, "Lambat.", Now.AddDays(4));
        report.Reopen("Masih berlubang.", Now.AddDays(5));
        report.AwaitConfirmation(Now.AddDays(8));

        var errors = report.Rate(5, "Sekarang beres.", Now.AddDays(9));

        Assert.Equal(("Rating", "Laporan ini sudah dinilai."), Assert.Single(errors).Written());
        Assert.Equal(2, report.Rating!.Stars);
    }

    [Fact]
    public void AProcessIsAttachedOnce()
    {
        var report = Submitted();

        report.AttachProcess("pi-1");
        report.AttachProcess("pi-1");

        Assert.Equal("pi-1", report.ProcessInstanceId);
        Assert.Throws<InvalidOperationException>(() => report.AttachProcess("pi-2"));
    }

    [Fact]
    public void AFullLifecycle_LeavesOneTimelineEntryPerStep()
    {
        var report = Submitted();
        report.Dispose("puprkim", Coordinator, Now.AddHours(1));
        report.ForwardTo("kab-badung", "Jalan kabupaten.", "Dinas PUPRKIM", Now.AddHours(2));
        report.MoveToStage("in-progress", "Sedang ditindaklanjuti.", Now.AddHours(3));
        report.AddPublicResponse("Akan ditambal minggu ini.", "Kab. Badung", Now.AddDays(1));
        report.AddReporterReply("Terima kasih.", Now.AddDays(2));
        report.AwaitConfirmation(Now.AddDays(3));
        report.Reopen("Belum ditambal.", Now.AddDays(4));
        report.AwaitConfirmation(Now.AddDays(6));
        report.Rate(4, null, Now.AddDays(7));
        report.Close(Now.AddDays(7));

        Assert.Equal(
            [
                TimelineEntryKind.Submitted, TimelineEntryKind.Disposed, TimelineEntryKind.Forwarded,
                TimelineEntryKind.StageChanged, TimelineEntryKind.PublicResponse, TimelineEntryKind.ReporterReply,
                TimelineEntryKind.AwaitingConfirmation, TimelineEntryKind.Reopened, TimelineEntryKind.AwaitingConfirmation,
                TimelineEntryKind.Rated, TimelineEntryKind.Closed,
            ],
            report.Timeline.Select(e => e.Kind));
        Assert.Equal(report.Timeline.OrderBy(e => e.When).Select(e => e.When), report.Timeline.Select(e => e.When));
    }

    [Fact]
    public void RefusalsCanBeInEnglish()
    {
        var report = Answered();

        Assert.Equal("The report is not waiting for the reporter's confirmation.", Assert.Single(Submitted().Reopen("x", Now)).Written("en").Text);
        Assert.Equal("Reason is required.", Assert.Single(report.Reopen(null, Now)).Written("en").Text);
        Assert.Equal("Rating must be between 1 and 5.", Assert.Single(report.Rate(9, null, Now)).Written("en").Text);
    }
}
