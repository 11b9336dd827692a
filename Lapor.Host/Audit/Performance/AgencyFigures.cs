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
    private readonly ValueCounts _responseDays = new();
    private readonly ValueCounts _stars = new();

    public string AgencyCode { get; } = agencyCode;

    /// <summary>1 for the best completion rate; null when the agency had nothing to complete or for the total row.</summary>
    public int? Rank { get; internal set; }

    /// <summary>
    /// The tracking codes behind a figure, when the figures were computed from the reports themselves (the drill-down);
    /// empty when they were read from the tallies, which keep counts only (decision 035).
    /// </summary>
    public IReadOnlySet<string> Cases(Figure figure) => _cases.TryGetValue(figure, out var codes) ? codes : None;

    public int Count(Figure figure) => _counts[(int)figure];

    /// <summary>Working days from each assignment to its first public response, as counts per number of days.</summary>
    public ValueCounts ResponseDays => _responseDays;

    /// <summary>The ratings' stars, as counts per number of stars.</summary>
    public ValueCounts Stars => _stars;

    public double? OnTimeShare => Ratio(Count(Figure.OnTime), Count(Figure.OnTime) + Count(Figure.Late));

    public double? MedianResponseDays => _responseDays.Median;

    public int? Percentile90ResponseDays => _responseDays.NearestRank(0.9);

    public double? ReopenRate => Ratio(Count(Figure.Reopened), Count(Figure.ClosedFirst));

    public double? AverageRating => _stars.Average;

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

    internal void AddResponseDays(int days, int times) => _responseDays.Add(days, times);

    internal void AddStars(int stars, int times) => _stars.Add(stars, times);

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
        _responseDays.AddTo(total._responseDays);
        _stars.AddTo(total._stars);
    }

    private SortedSet<string> CasesOf(Figure figure) =>
        _cases.TryGetValue(figure, out var codes) ? codes : _cases[figure] = new SortedSet<string>(StringComparer.Ordinal);

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
