namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The figures of one agency (or of all agencies together, <see cref="AllAgencies"/>) for one period, each with the
/// tracking codes behind it so the dashboard can list the cases a number stands for.
/// </summary>
public sealed class AgencyFigures(string agencyCode)
{
    public const string AllAgencies = "*";

    private static readonly IReadOnlySet<string> None = new SortedSet<string>();

    // Made when a figure gets its first case: the tallies and the writer build many figures that list none.
    private readonly Dictionary<Figure, SortedSet<string>> _cases = [];
    private readonly int[] _counts = new int[Enum.GetValues<Figure>().Length];
    private readonly List<int> _responseDays = [];
    private readonly List<int> _stars = [];

    public string AgencyCode { get; } = agencyCode;

    /// <summary>1 for the best completion rate; null when the agency had nothing to complete or for the total row.</summary>
    public int? Rank { get; internal set; }

    /// <summary>
    /// The tracking codes behind a figure, when the figures were computed from the reports themselves (the drill-down);
    /// empty when they were read from the tallies, which keep counts only (decision 035).
    /// </summary>
    public IReadOnlySet<string> Cases(Figure figure) => _cases.TryGetValue(figure, out var codes) ? codes : None;

    public int Count(Figure figure) => _counts[(int)figure];

    /// <summary>Working days from each assignment to its first public response, in the order they were found.</summary>
    public IReadOnlyList<int> ResponseDays => _responseDays;

    public IReadOnlyList<int> Stars => _stars;

    public double? OnTimeShare => Ratio(Count(Figure.OnTime), Count(Figure.OnTime) + Count(Figure.Late));

    public double? MedianResponseDays => Median(_responseDays);

    public int? Percentile90ResponseDays => NearestRank(_responseDays, 0.9);

    public double? ReopenRate => Ratio(Count(Figure.Reopened), Count(Figure.ClosedFirst));

    public double? AverageRating => _stars.Count == 0 ? null : _stars.Average();

    public double? CompletionRate => Ratio(Count(Figure.CompletionDone), Count(Figure.CompletionBase));

    internal void Add(Figure figure, string code)
    {
        if (CasesOf(figure).Add(code))
            _counts[(int)figure]++;
    }

    internal void AddResponse(string code, int days)
    {
        Add(Figure.Answered, code);
        _responseDays.Add(days);
    }

    internal void AddRating(string code, int stars)
    {
        Add(Figure.Rated, code);
        _stars.Add(stars);
    }

    /// <summary>Counts read from the tallies, without the codes behind them.</summary>
    internal void AddCount(Figure figure, int count) => _counts[(int)figure] += count;

    internal void AddResponseDays(int days, int times) => _responseDays.AddRange(Enumerable.Repeat(days, times));

    internal void AddStars(int stars, int times) => _stars.AddRange(Enumerable.Repeat(stars, times));

    /// <summary>Whether any figure, response or rating is counted: an agency without one is not listed.</summary>
    internal bool HasAny => _counts.Any(c => c != 0) || _responseDays.Count > 0 || _stars.Count > 0;

    internal void MergeInto(AgencyFigures total)
    {
        foreach (var (figure, codes) in _cases)
        {
            var union = total.CasesOf(figure);
            union.UnionWith(codes);
            total._counts[(int)figure] = union.Count;
        }
        total._responseDays.AddRange(_responseDays);
        total._stars.AddRange(_stars);
    }

    private SortedSet<string> CasesOf(Figure figure) =>
        _cases.TryGetValue(figure, out var codes) ? codes : _cases[figure] = new SortedSet<string>(StringComparer.Ordinal);

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
