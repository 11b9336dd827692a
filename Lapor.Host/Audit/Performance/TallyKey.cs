namespace Lapor.Host.Audit.Performance;

/// <summary>What one tally counts: a figure of an agency in a period, and for distributions the value counted.</summary>
public readonly record struct TallyKey(string Period, string Agency, int Figure, int Value)
{
    /// <summary>Reports submitted in the period (the province only).</summary>
    public const int Submitted = 100;

    /// <summary>Answers given after <see cref="Value"/> working days.</summary>
    public const int ResponseDays = 101;

    /// <summary>Ratings of <see cref="Value"/> stars.</summary>
    public const int Stars = 102;
}
