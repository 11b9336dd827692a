using Lapor.Host.Audit.Performance;
using Lapor.Workflows.Calendars;

namespace Lapor.Host.Tests.Audit;

/// <summary>The scenario's figures for February 2027, worked out by hand (see the comments in <see cref="PerformanceScenario"/>).</summary>
public sealed class PerformanceCalculatorTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Plain(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));

    private readonly PerformanceScenario _scenario = new();

    private PerformanceReport February() => new PerformanceCalculator(Calendar).Compute(_scenario.Facts(), Period.Month(2027, 2), PerformanceScenario.Now);

    private string[] Codes(params Lapor.Domain.Reports.Report[] reports) => reports.Select(_scenario.Code).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Dinkes_CountsItsOwnStays_AndTheOverdueCaseAsLate()
    {
        var dinkes = February().For("dinkes")!;
        var s = _scenario;
        Assert.Equal(Codes(s.OnTime, s.Late, s.Forwarded, s.Overdue, s.Pending), dinkes.Cases(Figure.Received));
        Assert.Equal(5, dinkes.Count(Figure.Verified));
        Assert.Equal(Codes(s.OnTime, s.Late), dinkes.Cases(Figure.Completed));
        Assert.Equal(Codes(s.Forwarded), dinkes.Cases(Figure.Forwarded));
        Assert.Equal(Codes(s.OnTime), dinkes.Cases(Figure.OnTime));
        Assert.Equal(Codes(s.Late, s.Overdue), dinkes.Cases(Figure.Late));
        Assert.Equal(1.0 / 3, dinkes.OnTimeShare!.Value, 6);
        Assert.Equal([(3, 1), (7, 1)], dinkes.ResponseDays.Distinct);
        Assert.Equal(5.0, dinkes.MedianResponseDays);
        Assert.Equal(7, dinkes.Percentile90ResponseDays);
        Assert.Equal(0.0, dinkes.ReopenRate);
        Assert.Equal(3.5, dinkes.AverageRating);
        Assert.Equal(Codes(s.Pending), dinkes.Cases(Figure.Backlog0To5));
        Assert.Equal(Codes(s.Overdue), dinkes.Cases(Figure.Backlog11To20));
        Assert.Equal(0.5, dinkes.CompletionRate);
        Assert.Equal(2, dinkes.Rank);
    }

    [Fact]
    public void Dishub_GetsTheForwardedCase_AndTheReopenedOneOnce()
    {
        var dishub = February().For("dishub")!;
        var s = _scenario;
        Assert.Equal(Codes(s.Forwarded, s.Reopened), dishub.Cases(Figure.Received));
        Assert.Equal(Codes(s.Reopened), dishub.Cases(Figure.Verified));
        Assert.Equal(Codes(s.Forwarded, s.Reopened), dishub.Cases(Figure.Completed));
        Assert.Equal(0, dishub.Count(Figure.Forwarded));
        Assert.Equal(1.0, dishub.OnTimeShare);
        Assert.Equal(4.0, dishub.MedianResponseDays);
        Assert.Equal(5, dishub.Percentile90ResponseDays);
        Assert.Equal(0.5, dishub.ReopenRate);
        Assert.Equal(4.0, dishub.AverageRating);
        Assert.Equal(0, dishub.Count(Figure.Backlog0To5) + dishub.Count(Figure.Backlog6To10) + dishub.Count(Figure.Backlog11To20) + dishub.Count(Figure.BacklogOver20));
        Assert.Equal(1.0, dishub.CompletionRate);
        Assert.Equal(1, dishub.Rank);
    }

    [Fact]
    public void Total_JoinsTheAgencies_AndCountsEverySubmission()
    {
        var report = February();
        var total = report.Total;
        Assert.Equal(7, report.Submitted);
        Assert.Equal(6, total.Count(Figure.Received));
        Assert.Equal(4, total.Count(Figure.Completed));
        Assert.Equal(0.6, total.OnTimeShare!.Value, 6);
        Assert.Equal(4.0, total.MedianResponseDays);
        Assert.Equal(7, total.Percentile90ResponseDays);
        Assert.Equal(0.25, total.ReopenRate);
        Assert.Equal(11.0 / 3, total.AverageRating!.Value, 6);
        Assert.Equal(["dishub", "dinkes"], report.Agencies.Select(a => a.AgencyCode));
    }

    [Fact]
    public void March_HasNoNewWork_ButTheOverdueCaseStaysInTheBacklog()
    {
        var march = new PerformanceCalculator(Calendar).Compute(_scenario.Facts(), Period.Month(2027, 3), PerformanceScenario.Now);
        var dinkes = march.For("dinkes")!;
        Assert.Equal(0, dinkes.Count(Figure.Received));
        Assert.Equal([_scenario.Code(_scenario.Overdue)], dinkes.Cases(Figure.Backlog11To20));
        Assert.Null(dinkes.Rank);
    }

    [Theory]
    [InlineData("2027-03", PeriodKind.Month, "2027-03-01", "2027-04-01")]
    [InlineData("2027-S2", PeriodKind.Semester, "2027-07-01", "2028-01-01")]
    [InlineData("2027", PeriodKind.Year, "2027-01-01", "2028-01-01")]
    public void Periods_ParseAndSpanLocalDates(string code, PeriodKind kind, string first, string end)
    {
        Assert.True(Period.TryParse(code, out var period));
        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(first), period.FirstDay);
        Assert.Equal(DateOnly.Parse(end), period.EndDay);
        Assert.Equal(code, period.Code);
        Assert.False(Period.TryParse("2027-13", out _));
    }
}
