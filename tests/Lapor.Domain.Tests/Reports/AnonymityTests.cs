using Lapor.Domain.Reports;
using static Lapor.Domain.Tests.Reports.ReportSamples;

namespace Lapor.Domain.Tests.Reports;

public sealed class AnonymityTests
{
    [Fact]
    public void AnAnonymousReport_GivesNoPublicName()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });

        // The host says "Anonim" (Report.Anonymous in its texts); the domain gives no name at all.
        Assert.Null(report.PublicReporterName);
    }

    [Fact]
    public void ANamedReport_ShowsTheReportersName()
    {
        var report = Submitted(reporter: Reporter.Account("user-7", "Ketut Arya"));

        Assert.Equal("Ketut Arya", report.PublicReporterName);
    }

    [Fact]
    public void AConfidentialReport_IsNotPublic_AndAnOrdinaryOneIs()
    {
        Assert.False(Submitted(Draft() with { IsConfidential = true }).IsPublic);
        Assert.True(Submitted().IsPublic);
    }

    [Fact]
    public void AfterAFullLifecycle_TheTimelineNeverNamesOrReachesAnAnonymousReporter()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });
        report.Dispose("puprkim", "Inspektorat Provinsi Bali", Now.AddHours(1));
        report.ForwardTo("kab-badung", "Sudah dikonfirmasi dengan Bapak I Made Wirawan (0812 3456 7890), jalan kabupaten.", "Dinas PUPRKIM", Now.AddHours(2));
        report.MoveToStage("waiting-for-reporter", "Mohon Pak Wirawan mengirim foto lokasi ke made.wirawan@example.com.", Now.AddHours(3));
        report.AddPublicResponse("Kami sudah menelepon +62 812-3456-7890 dan mengirim email ke MADE.WIRAWAN@EXAMPLE.COM.", "Kab. Badung", Now.AddDays(1));
        report.AddReporterReply("Foto terlampir. Salam, I Made Wirawan, HP 6281234567890", Now.AddDays(2));
        report.Close(Now.AddDays(3));
        report.Reopen("Saya, Wirawan, melihat lubang muncul lagi. Hubungi 081234567890.", Now.AddDays(4));
        report.Close(Now.AddDays(6));
        report.Rate(4, "Terima kasih dari Made Wirawan.", Now.AddDays(7));

        var published = report.Timeline
            .SelectMany(e => new[] { e.PublicText, e.Actor ?? string.Empty })
            .Append(report.Rating!.Comment!)
            .Append(report.PublicReporterName ?? "")
            .ToList();
        Assert.All(published, text =>
        {
            Assert.DoesNotContain("Wirawan", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(GuestEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("81234567890", new string(text.Where(char.IsAsciiDigit).ToArray()));
        });
    }

    [Fact]
    public void Redaction_LeavesTheRestOfTheSentenceReadable()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });

        report.AddPublicResponse("Terima kasih Bapak I Made Wirawan, lubang sudah ditambal pada 12 Maret 2025.", "Kab. Badung", Now);

        Assert.Equal("Terima kasih Bapak [disamarkan], lubang sudah ditambal pada 12 Maret 2025.", report.Timeline[^1].PublicText);
    }

    [Fact]
    public void ANamedReportersContactDetails_AreStillNeverPublished()
    {
        var report = Submitted();

        report.AddPublicResponse("Bapak I Made Wirawan, kami hubungi di 0812 3456 7890 atau made.wirawan@example.com.", "Kab. Badung", Now);

        Assert.Equal("Bapak I Made Wirawan, kami hubungi di [disamarkan] atau [disamarkan].", report.Timeline[^1].PublicText);
    }

    [Fact]
    public void OtherNumbersInAResponse_AreLeftAlone()
    {
        var report = Submitted(Draft() with { IsAnonymous = true });

        report.AddPublicResponse("Hubungi call center 0361 222 333 atau nomor tiket 2025-03-0012.", "Kab. Badung", Now);

        Assert.Equal("Hubungi call center 0361 222 333 atau nomor tiket 2025-03-0012.", report.Timeline[^1].PublicText);
    }
}
