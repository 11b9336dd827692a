using Lapor.Host.Audit.Performance;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// The dashboard's medians and percentiles from counts per value: the same answers as sorting every value, which is
/// what the figures were defined by (and what the tallies used to expand back into at a million reports).
/// </summary>
public sealed class ValueCountsTests
{
    private static ValueCounts Of(params int[] values)
    {
        var counts = new ValueCounts();
        foreach (var value in values)
            counts.Add(value);
        return counts;
    }

    [Fact]
    public void NoValues_HaveNoMedianRankOrAverage()
    {
        var none = new ValueCounts();
        Assert.Null(none.Median);
        Assert.Null(none.NearestRank(0.9));
        Assert.Null(none.Average);
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void TheMedian_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleOnes()
    {
        Assert.Equal(4.0, Of(9, 1, 4).Median);
        Assert.Equal(5.0, Of(7, 3).Median);
        Assert.Equal(2.5, Of(1, 2, 3, 9).Median);
    }

    [Fact]
    public void NearestRank_IsTheSmallestValueWithTheShareAtOrBelowIt()
    {
        var ten = Of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Assert.Equal(9, ten.NearestRank(0.9));
        Assert.Equal(1, ten.NearestRank(0.0));
        Assert.Equal(10, ten.NearestRank(1.0));
        Assert.Equal(7, Of(3, 7).NearestRank(0.9));
    }

    [Fact]
    public void Repeats_GiveWhatTheExpandedListGives()
    {
        var random = new Random(20261207);
        for (var round = 0; round < 200; round++)
        {
            var counts = new ValueCounts();
            var expanded = new List<int>();
            for (var i = random.Next(1, 12); i > 0; i--)
            {
                var (value, times) = (random.Next(0, 40), random.Next(1, 2_000));
                counts.Add(value, times);
                expanded.AddRange(Enumerable.Repeat(value, times));
            }
            expanded.Sort();
            var n = expanded.Count;
            Assert.Equal(n, counts.Count);
            Assert.Equal(n % 2 == 1 ? expanded[n / 2] : (expanded[n / 2 - 1] + expanded[n / 2]) / 2.0, counts.Median);
            Assert.Equal(expanded[Math.Clamp((int)Math.Ceiling(0.9 * n), 1, n) - 1], counts.NearestRank(0.9));
            Assert.Equal(expanded.Average(), counts.Average!.Value, 9);
        }
    }

    [Fact]
    public void Merging_AddsTheCounts_AndZeroTimesAddsNothing()
    {
        var a = Of(2, 2, 5);
        var total = Of(1);
        a.AddTo(total);
        total.Add(8, 0);
        Assert.Equal([(1, 1), (2, 2), (5, 1)], total.Distinct);
        Assert.Equal(4, total.Count);
    }
}
