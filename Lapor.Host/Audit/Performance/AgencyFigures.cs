namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The figures of one agency (or of all agencies together, <see cref="AllAgencies"/>) for one period, each with the
/// tracking codes behind it so the dashboard can list the cases a number stands for.
/// </summary>
public sealed class AgencyFigures(string agencyCode)
{
    public const string AllAgencies = "*";

    private readonly Dictionary<Figure, SortedSet<string>> _cases = Enum.GetValues<Figure>().ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
    private readonly List<int> _responseDays = [];
    private readonly List<int> _stars = [];

    public string AgencyCode { get; } = agencyCode;

    /// <summary>1 for the best completion rate; null when the agency had nothing to complete or for the total row.</summary>
    public int? Rank { get; internal set; }

    public IReadOnlySet<string> Cases(Figure figure) => _cases[figure];

    public int Count(Figure figure) => _cases[figure].Count;

    /// <summary>Working days from each assignment to its first public response, in the order they were found.</summary>
    public IReadOnlyList<int> ResponseDays => _responseDays;

    public IReadOnlyList<int> Stars => _stars;

    public double? OnTimeShare => Ratio(Count(Figure.OnTime), Count(Figure.OnTime) + Count(Figure.Late));

    public double? MedianResponseDays => Median(_responseDays);

    public int? Percentile90ResponseDays => NearestRank(_responseDays, 0.9);

    public double? ReopenRate => Ratio(Count(Figure.Reopened), Count(Figure.ClosedFirst));

    public double? AverageRating => _stars.Count == 0 ? null : _stars.Average();

    public double? CompletionRate => Ratio(Count(Figure.CompletionDone), Count(Figure.CompletionBase));

    internal void Add(Figure figure, string code) => _cases[figure].Add(code);

    internal void AddResponse(string code, int days)
    {
        _cases[Figure.Answered].Add(code);
        _responseDays.Add(days);
    }

    internal void AddRating(string code, int stars)
    {
        _cases[Figure.Rated].Add(code);
        _stars.Add(stars);
    }

    internal void MergeInto(AgencyFigures total)
    {
        foreach (var (figure, codes) in _cases)
            total._cases[figure].UnionWith(codes);
        total._responseDays.AddRange(_responseDays);
        total._stars.AddRange(_stars);
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The middle value, or the mean of the two middle values for an even count.</summary>
    private static double? Median(List<int> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of all values at or below it.</summary>
    private static int? NearestRank(List<int> values, double p)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
