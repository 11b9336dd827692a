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

    public static IEnumerable<Report> Make(int count, int seed, DateTimeOffset from, DateTimeOffset now) =>
        Stories(count, seed, from, now).Select(story => story.Told());

    /// <summary>
    /// The same reports as <see cref="Make"/>, each as it was submitted with the steps still to happen to it, so a test
    /// can store them early and tell the rest in later saves, as the product does.
    /// </summary>
    public static IEnumerable<Story> Stories(int count, int seed, DateTimeOffset from, DateTimeOffset now)
    {
        var random = new Random(seed);
        var span = (now - from).TotalMinutes;
        for (var i = 0; i < count; i++)
            yield return One(random, from.AddMinutes(random.NextDouble() * span), now);
    }

    /// <summary>A report as submitted and what happens to it next, in order.</summary>
    public sealed record Story(Report Report, IReadOnlyList<(DateTimeOffset At, Action<Report> Act)> Steps)
    {
        public Report Told()
        {
            foreach (var (_, act) in Steps)
                act(Report);
            return Report;
        }
    }

    private static Story One(Random random, DateTimeOffset submitted, DateTimeOffset now)
    {
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Laporan uji angka kinerja", CategoryCode = "kesehatan",
            Description = "Uraian laporan uji untuk membandingkan angka kinerja dari tabel laporan.",
        };
        var report = Report.Submit(draft, Reporter.Guest("Wayan Uji", "wayan@example.com", null).Value!, TrackingCode.New(), submitted).Value!;
        var steps = new List<(DateTimeOffset, Action<Report>)>();
        var at = submitted;
        // Gaps from an hour to a few weeks, now and then months: long open cases cross month ends.
        bool Next()
        {
            var days = random.Next(10) switch { 0 => random.Next(30, 120), < 4 => random.Next(5, 15), _ => random.Next(0, 6) };
            at = at.AddDays(days).AddHours(random.Next(1, 20)).AddMinutes(random.Next(60)).AddTicks(random.Next(10_000));
            return at <= now;
        }
        void Then(Action<Report, DateTimeOffset> act)
        {
            var when = at;
            steps.Add((when, r => act(r, when)));
        }
        if (random.Next(10) == 0 || !Next())
            return new Story(report, steps);
        var agency = Agencies[random.Next(Agencies.Length)];
        Then((r, t) => r.Dispose(agency, "koordinator", t));
        for (var step = 0; step < 8 && Next(); step++)
        {
            switch (random.Next(12))
            {
                case 0 or 1:
                    var to = Agencies[random.Next(Agencies.Length)];
                    Then((r, t) => r.ForwardTo(to, "Bukan wewenang kami.", r.ResponsibleAgencyCode + ".petugas", t));
                    break;
                case < 6:
                    var confirm = random.Next(3) > 0;
                    Then((r, t) =>
                    {
                        r.AddPublicResponse("Sudah ditangani.", r.ResponsibleAgencyCode + ".petugas", t);
                        if (confirm)
                            r.AwaitConfirmation(t);
                    });
                    break;
                case < 8:
                    Then((r, t) => r.Reopen("Belum beres.", t));
                    break;
                case < 10:
                    var stars = random.Next(1, 6);
                    Then((r, t) => r.Rate(stars, null, t));
                    break;
                default:
                    Then((r, t) => r.Close(t));
                    break;
            }
        }
        // Cases end (the process closes what the reporter leaves unconfirmed), but for a few stale ones and the recent ones.
        if (random.Next(50) > 0 && Next())
            Then((r, t) => r.Close(t));
        return new Story(report, steps);
    }
}
