using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

/// <summary>What an officer says to the reporter (public) versus what officers say to each other (internal).</summary>
public sealed class QuestionsAndNotesTests
{
    [Fact]
    public void AQuestionToTheReporter_IsOnThePublicTimeline_WithTheirContactDetailsHidden()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });

        Assert.Empty(report.AskReporter("Bapak I Made Wirawan, di puskesmas mana? Kami tidak bisa menghubungi 0812 3456 7890.", "Dinkes", Now));

        var entry = report.Timeline[^1];
        Assert.Equal(TimelineEntryKind.InformationRequested, entry.Kind);
        Assert.Equal("Bapak [disamarkan], di puskesmas mana? Kami tidak bisa menghubungi [disamarkan].", entry.PublicText);
        Assert.Equal("Dinkes", entry.Actor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void AnEmptyQuestion_IsRefusedByName_AndAddsNothing(string? question)
    {
        var report = Submitted();
        var before = report.Timeline.Count;

        var error = Assert.Single(report.AskReporter(question, "Dinkes", Now));

        Assert.Equal("Question", error.Field);
        Assert.Contains("Pertanyaan untuk pelapor", error.Written().Text);
        Assert.Equal(before, report.Timeline.Count);
    }

    [Fact]
    public void AQuestionOnAClosedReport_IsRefused()
    {
        var report = Submitted();
        report.Close(Now);

        Assert.Equal("Status", Assert.Single(report.AskReporter("Masih ada?", "Dinkes", Now.AddHours(1))).Field);
    }

    [Fact]
    public void AnInternalNote_KeepsAuthorAgencyTaskAndText_AndIsNotOnTheTimeline()
    {
        var report = Submitted();
        var before = report.Timeline.Count;

        var note = InternalNote.Write(report.Id, "dinkes.budi", "dinkes", "task-1", "  Sudah dicek ke lapangan.\nMenunggu anggaran. ", Now);

        Assert.True(note.Succeeded);
        Assert.Equal(("dinkes.budi", "dinkes", "task-1", "Sudah dicek ke lapangan.\nMenunggu anggaran.", Now),
            (note.Value.Author, note.Value.AgencyCode, note.Value.TaskId, note.Value.Text, note.Value.WrittenAt));
        Assert.Equal(report.Id, note.Value.ReportId);
        Assert.Equal(before, report.Timeline.Count);
    }

    [Fact]
    public void AnInternalNote_TooLongOrEmpty_IsRefusedByField()
    {
        Assert.Equal("Note", Assert.Single(InternalNote.Write(Guid.NewGuid(), "a", null, null, "", Now).Errors).Field);
        var tooLong = InternalNote.Write(Guid.NewGuid(), "a", null, null, new string('x', InternalNote.TextMaxLength + 1), Now);
        Assert.Contains("Internal note", Assert.Single(tooLong.Errors).Written("en").Text);
    }

    [Fact]
    public void AnExplanation_IsPublic_Redacted_AndAllowedAfterClosing()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });
        report.Close(Now);

        Assert.Empty(report.Explain("Sama dengan laporan Bapak I Made Wirawan sebelumnya.", "Inspektorat", Now.AddMinutes(1)));

        Assert.Equal((TimelineEntryKind.Explanation, "Sama dengan laporan Bapak [disamarkan] sebelumnya."), (report.Timeline[^1].Kind, report.Timeline[^1].PublicText));
        Assert.Equal("Explanation", Assert.Single(report.Explain(" ", "Inspektorat", Now)).Field);
    }
}
