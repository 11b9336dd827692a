using Lapor.Domain.Reports;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// Reports with every kind of path the figures know, drawn from a seeded random source so a run can be repeated:
/// dispositions, forwards (twice, and back), answers in and out of the deadline, awaiting confirmation, reopens,
/// closes, ratings, cases left open for months across month ends, a few cases never closed, and cases never verified. Steps happen only up to
/// <c>now</c>, as in a real database. Shared with the <c>dashboard</c> benchmark (linked there).
/// </summary>
public static class VariedReports
{
    private static readonly string[] Agencies = ["dinkes", "dishub", "puprkim", "disdik", "dlh", "bpbd"];

    public static IEnumerable<Report> Make(int count, int seed, DateTimeOffset from, DateTimeOffset now)
    {
        var random = new Random(seed);
        var span = (now - from).TotalMinutes;
        for (var i = 0; i < count; i++)
            yield return One(random, from.AddMinutes(random.NextDouble() * span), now);
    }

    private static Report One(Random random, DateTimeOffset submitted, DateTimeOffset now)
    {
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Laporan uji angka kinerja", CategoryCode = "kesehatan",
            Description = "Uraian laporan uji untuk membandingkan angka kinerja dari tabel laporan.",
        };
        var report = Report.Submit(draft, Reporter.Guest("Wayan Uji", "wayan@example.com", null).Value!, TrackingCode.New(), submitted).Value!;
        var at = submitted;
        // Gaps from an hour to a few weeks, now and then months: long open cases cross month ends.
        bool Next()
        {
            var days = random.Next(10) switch { 0 => random.Next(30, 120), < 4 => random.Next(5, 15), _ => random.Next(0, 6) };
            at = at.AddDays(days).AddHours(random.Next(1, 20)).AddMinutes(random.Next(60)).AddTicks(random.Next(10_000));
            return at <= now;
        }
        if (random.Next(10) == 0 || !Next())
            return report;
        var agency = Agencies[random.Next(Agencies.Length)];
        report.Dispose(agency, "koordinator", at);
        for (var step = 0; step < 8 && Next(); step++)
        {
            switch (random.Next(12))
            {
                case 0 or 1:
                    var to = Agencies[random.Next(Agencies.Length)];
                    report.ForwardTo(to, "Bukan wewenang kami.", agency + ".petugas", at);
                    agency = report.ResponsibleAgencyCode ?? agency;
                    break;
                case < 6:
                    report.AddPublicResponse("Sudah ditangani.", agency + ".petugas", at);
                    if (random.Next(3) > 0)
                        report.AwaitConfirmation(at);
                    break;
                case < 8:
                    report.Reopen("Belum beres.", at);
                    break;
                case < 10:
                    report.Rate(random.Next(1, 6), null, at);
                    break;
                default:
                    report.Close(at);
                    break;
            }
        }
        // Cases end (the process closes what the reporter leaves unconfirmed), but for a few stale ones and the recent ones.
        if (random.Next(50) > 0 && Next())
            report.Close(at);
        return report;
    }
}
