namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Whole numbers kept as how many times each occurs (working days to an answer, stars of a rating): a period's
/// median and 90th percentile cost the number of distinct values, not of reports. A semester at a million reports has
/// about 100,000 answers but a few dozen distinct day counts, and the dashboard asks for these figures per agency.
/// </summary>
public sealed class ValueCounts
{
    private readonly SortedDictionary<int, int> _times = [];

    /// <summary>How many values, repeats included.</summary>
    public int Count { get; private set; }

    /// <summary>Each distinct value with how many times it occurs, smallest first.</summary>
    public IEnumerable<(int Value, int Times)> Distinct => _times.Select(p => (p.Key, p.Value));

    internal void Add(int value, int times = 1)
    {
        if (times <= 0)
            return;
        _times[value] = _times.GetValueOrDefault(value) + times;
        Count += times;
    }

    internal void AddTo(ValueCounts other)
    {
        foreach (var (value, times) in _times)
            other.Add(value, times);
    }

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    public double? Median => Count == 0 ? null
        : Count % 2 == 1 ? At(Count / 2 + 1)
        : (At(Count / 2) + At(Count / 2 + 1)) / 2.0;

    /// <summary>Nearest rank: the smallest value with at least <paramref name="share"/> of all values at or below it.</summary>
    public int? NearestRank(double share) => Count == 0 ? null : At(Math.Clamp((int)Math.Ceiling(share * Count), 1, Count));

    public double? Average => Count == 0 ? null : _times.Sum(p => (double)p.Key * p.Value) / Count;

    /// <summary>The value at 1-based <paramref name="rank"/> in ascending order.</summary>
    private int At(int rank)
    {
        var seen = 0;
        foreach (var (value, times) in _times)
        {
            seen += times;
            if (seen >= rank)
                return value;
        }
        throw new ArgumentOutOfRangeException(nameof(rank), rank, $"Only {Count} values.");
    }
}
