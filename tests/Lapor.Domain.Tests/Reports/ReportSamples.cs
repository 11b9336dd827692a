using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

/// <summary>A plausible report from Bali to start each test from.</summary>
internal static class ReportSamples
{
    /// <summary>Monday 10 March 2025, 09:00 WITA.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public const string GuestName = "I Made Wirawan";
    public const string GuestEmail = "made.wirawan@example.com";
    public const string GuestPhone = "0812-3456-7890";

    public static ReportDraft Draft() => new()
    {
        Type = ReportType.Complaint,
        Title = "  Jalan berlubang di Jalan Raya Sempidi  ",
        Description = "Sejak dua minggu lalu ada lubang besar di depan pasar.\nSudah dua pengendara motor jatuh.",
        IncidentDate = new DateOnly(2025, 3, 8),
        Location = "Jalan Raya Sempidi, Mengwi, Badung",
        Latitude = -8.6012,
        Longitude = 115.1776,
        CategoryCode = "jalan",
        TargetAgencyCode = "puprkim",
    };

    public static Reporter Guest() => Reporter.Guest(GuestName, GuestEmail, GuestPhone).Value!;

    public static Report Submitted(ReportDraft? draft = null, Reporter? reporter = null)
    {
        var result = Report.Submit(draft ?? Draft(), reporter ?? Guest(), TrackingCode.New(), Now);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value;
    }

    /// <summary>Answered three days after submission: waiting for the reporter to confirm or reopen.</summary>
    public static Report Answered()
    {
        var report = Submitted();
        Assert.Empty(report.AwaitConfirmation(Now.AddDays(3)));
        return report;
    }

    public static Report Closed()
    {
        var report = Submitted();
        Assert.Empty(report.Close(Now.AddDays(3)));
        return report;
    }
}
