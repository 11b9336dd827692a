using System.Globalization;

namespace Lapor.Host.Tests.Operations;

/// <summary>Reads values out of the Prometheus text format that <c>/metrics</c> answers.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples named exactly <paramref name="name"/> that carry every label in <paramref name="labels"/>
    /// (written as in the text, <c>command="Start"</c>), or null when there is none.
    /// </summary>
    public static double? Value(string text, string name, params string[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
                continue;
            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
                continue;
            if (!labels.All(l => rest.Contains(l, StringComparison.Ordinal)))
                continue;
            sum = (sum ?? 0) + double.Parse(rest[(rest.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
