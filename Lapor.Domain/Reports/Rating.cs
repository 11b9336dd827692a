namespace Lapor.Domain.Reports;

/// <summary>The reporter's judgement of how the report was handled, given once after it was closed.</summary>
public sealed record Rating(int Stars, string? Comment, DateTimeOffset RatedAt)
{
    public const int MinStars = 1;
    public const int MaxStars = 5;
}
