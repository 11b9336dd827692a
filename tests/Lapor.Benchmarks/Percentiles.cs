namespace Lapor.Benchmarks;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of values sorted ascending (<paramref name="share"/> 0.95 for p95); NaN when there are none.</summary>
    public static double Of(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
