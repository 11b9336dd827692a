using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// February 2027 (1 February is a Monday) in Bali time, driven by a fake clock: seven reports whose figures are worked
/// out by hand in <see cref="PerformanceCalculatorTests"/>. Working days count Monday–Friday: February 2027 has no
/// holiday on a weekday in the shipped calendars (January has Galungan, which would shift every count).
/// </summary>
public sealed class PerformanceScenario
{
    public static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    /// <summary>"Today" for the figures: Monday 1 March 2027, 12:00 WITA.</summary>
    public static readonly DateTimeOffset Now = At(3, 1, 12);

    private FakeTimeProvider _clock = new(At(2, 1, 9));

    public PerformanceScenario()
    {
        // A: disposed Tue 2 Feb, answered Fri 5 Feb (3 working days): on time, answered, rated 5 and closed on confirmation.
        OnTime = Case(2, 1, r =>
        {
            Step(2, 2, 10, () => r.Dispose("dinkes", "koordinator", _clock.GetUtcNow()));
            Step(2, 5, 14, () => r.AddPublicResponse("Jadwal ditambah.", "dinkes.petugas", _clock.GetUtcNow()));
            Step(2, 5, 14, () => r.AwaitConfirmation(_clock.GetUtcNow()));
            Step(2, 8, 9, () => r.Rate(5, null, _clock.GetUtcNow()));
            Step(2, 8, 9, () => r.Close(_clock.GetUtcNow()));
        });
        // B: disposed Tue 2 Feb, answered Thu 11 Feb (7 working days): late, answered, rated 2.
        Late = Case(2, 1, r =>
        {
            Step(2, 2, 10, () => r.Dispose("dinkes", "koordinator", _clock.GetUtcNow()));
            Step(2, 11, 9, () => r.AddPublicResponse("Sudah diperbaiki.", "dinkes.petugas", _clock.GetUtcNow()));
            Step(2, 11, 9, () => r.AwaitConfirmation(_clock.GetUtcNow()));
            Step(2, 12, 9, () => r.Rate(2, "Lama sekali", _clock.GetUtcNow()));
        });
        // C: disposed to dinkes Tue 2 Feb, forwarded to dishub Wed 3 Feb, dishub answers Mon 8 Feb (3 days).
        Forwarded = Case(2, 1, r =>
        {
            Step(2, 2, 10, () => r.Dispose("dinkes", "koordinator", _clock.GetUtcNow()));
            Step(2, 3, 10, () => r.ForwardTo("dishub", "Bukan wewenang kami.", "dinkes.petugas", _clock.GetUtcNow()));
            Step(2, 8, 15, () => r.AddPublicResponse("Rambu dipasang.", "dishub.petugas", _clock.GetUtcNow()));
            Step(2, 8, 15, () => r.AwaitConfirmation(_clock.GetUtcNow()));
        });
        // D: disposed to dishub Tue 2 Feb, answered Tue 9 Feb (5 days, the last allowed), reopened 10 Feb,
        // answered again 12 Feb, rated 4 on 15 Feb.
        Reopened = Case(2, 1, r =>
        {
            Step(2, 2, 10, () => r.Dispose("dishub", "koordinator", _clock.GetUtcNow()));
            Step(2, 9, 16, () => r.AddPublicResponse("Sudah ditangani.", "dishub.petugas", _clock.GetUtcNow()));
            Step(2, 9, 16, () => r.AwaitConfirmation(_clock.GetUtcNow()));
            Step(2, 10, 8, () => r.Reopen("Belum beres.", _clock.GetUtcNow()));
            Step(2, 12, 11, () => r.AddPublicResponse("Ditangani ulang.", "dishub.petugas", _clock.GetUtcNow()));
            Step(2, 12, 11, () => r.AwaitConfirmation(_clock.GetUtcNow()));
            Step(2, 15, 9, () => r.Rate(4, null, _clock.GetUtcNow()));
        });
        // E: disposed to dinkes Tue 2 Feb and never answered: overdue.
        Overdue = Case(2, 1, r => Step(2, 2, 10, () => r.Dispose("dinkes", "koordinator", _clock.GetUtcNow())));
        // F: disposed to dinkes Fri 26 Feb: one working day old on 1 March, still within the deadline.
        Pending = Case(2, 25, r => Step(2, 26, 10, () => r.Dispose("dinkes", "koordinator", _clock.GetUtcNow())));
        // G: submitted 17 Feb, still awaiting verification.
        Unverified = Case(2, 17, _ => { });
    }

    public Report OnTime { get; }
    public Report Late { get; }
    public Report Forwarded { get; }
    public Report Reopened { get; }
    public Report Overdue { get; }
    public Report Pending { get; }
    public Report Unverified { get; }

    public IReadOnlyList<Report> Reports => [OnTime, Late, Forwarded, Reopened, Overdue, Pending, Unverified];

    public string Code(Report report) => report.TrackingCode.ToString();

    public IReadOnlyList<ReportFacts> Facts() =>
        Reports.Select(r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt, r.Timeline, r.Rating?.Stars, r.Rating?.RatedAt)).ToList();

    public static DateTimeOffset At(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, Wita);

    private Report Case(int month, int day, Action<Report> steps)
    {
        // Each case has its own clock: a fake clock only moves forward.
        _clock = new FakeTimeProvider(At(month, day, 9));
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = $"Kasus uji {month}/{day}", CategoryCode = "kesehatan",
            Description = "Uraian kasus uji untuk angka kinerja instansi yang dihitung dengan tangan.",
        };
        var report = Report.Submit(draft, Reporter.Guest("Wayan Uji", "wayan@example.com", null).Value!, TrackingCode.New(), _clock.GetUtcNow()).Value!;
        steps(report);
        return report;
    }

    private void Step(int month, int day, int hour, Func<IReadOnlyList<FieldError>> act)
    {
        _clock.SetUtcNow(At(month, day, hour));
        var errors = act();
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors));
    }
}
