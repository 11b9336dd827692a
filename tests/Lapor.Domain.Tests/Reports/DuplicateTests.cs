using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

public sealed class DuplicateTests
{
    private static Report Other(string name = "Ni Luh Sekar", string email = "luh.sekar@example.com") =>
        Submitted(reporter: Reporter.Guest(name, email, "0813-3700-0999").Value!);

    [Fact]
    public void Joining_LinksTheDuplicate_AndTellsBothTimelines_WithoutNamingTheDuplicateOnThePrimary()
    {
        var primary = Submitted();
        var duplicate = Other();

        Assert.Empty(duplicate.JoinTo(primary, "petugas", Now));

        Assert.Equal(primary.Id, duplicate.DuplicateOfId);
        Assert.Contains(duplicate.Timeline, t => t.Kind == TimelineEntryKind.MergedInto && t.PublicText.Contains(primary.TrackingCode.ToString()));
        var entry = Assert.Single(primary.Timeline, t => t.Kind == TimelineEntryKind.DuplicateLinked);
        Assert.DoesNotContain(duplicate.TrackingCode.ToString(), entry.PublicText);
    }

    [Fact]
    public void Joining_IsRefusedForItselfAConfidentialOrClosedPrimaryAndChains_AndChangesNothing()
    {
        var report = Submitted();
        var confidential = Submitted(Draft() with { IsConfidential = true });
        var closed = Closed();
        var primary = Submitted();
        var joined = Other();
        Assert.Empty(joined.JoinTo(primary, "petugas", Now));

        Assert.Equal("Laporan tidak dapat ditautkan ke dirinya sendiri.", Assert.Single(report.JoinTo(report, "petugas", Now)).Written().Text);
        Assert.Contains("rahasia", Assert.Single(report.JoinTo(confidential, "petugas", Now)).Written().Text);
        Assert.Contains("sudah ditutup", Assert.Single(report.JoinTo(closed, "petugas", Now)).Written().Text);
        Assert.Contains("sendiri adalah duplikat", Assert.Single(report.JoinTo(joined, "petugas", Now)).Written().Text);
        Assert.Equal("This report is already linked as a duplicate of another report.",
            Assert.Single(joined.JoinTo(report, "petugas", Now)).Written("en").Text);
        Assert.Null(report.DuplicateOfId);
        Assert.Equal(primary.Id, joined.DuplicateOfId);
        Assert.DoesNotContain(report.Timeline, t => t.Kind is TimelineEntryKind.MergedInto or TimelineEntryKind.DuplicateLinked);
    }

    [Fact]
    public void TheDuplicate_ReceivesThePrimarysAnswerWithoutItsReporter_AndClosesWithIt_ButNothingElse()
    {
        var primary = Other("Nyoman Sukerta", "nyoman.sukerta@example.com");
        var duplicate = Submitted();
        Assert.Empty(duplicate.JoinTo(primary, "petugas", Now));

        Assert.Empty(primary.AddPublicResponse("Pak Nyoman Sukerta, obat dikirim hari ini; hubungi 0813 3700 0999.", "dinkes", Now.AddDays(1)));
        Assert.Empty(primary.AskReporter("Puskesmas mana?", "dinkes", Now.AddDays(1)));
        foreach (var step in primary.Timeline.Where(t => t.When > Now))
            duplicate.FollowPrimary(primary, step);

        var answer = Assert.Single(duplicate.Timeline, t => t.Kind == TimelineEntryKind.PublicResponse);
        Assert.StartsWith("Pak [disamarkan], obat dikirim hari ini", answer.PublicText);
        Assert.DoesNotContain("Sukerta", answer.PublicText);
        Assert.DoesNotContain("0999", answer.PublicText);
        Assert.DoesNotContain(duplicate.Timeline, t => t.Kind == TimelineEntryKind.InformationRequested);

        Assert.Empty(primary.Close(Now.AddDays(2)));
        duplicate.FollowPrimary(primary, primary.Timeline[^1]);
        Assert.Equal(ReportStatus.Closed, duplicate.Status);

        var stranger = Submitted();
        stranger.FollowPrimary(primary, primary.Timeline[^1]);
        Assert.Equal(ReportStatus.Open, stranger.Status);
    }
}
