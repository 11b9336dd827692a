using System.Text.RegularExpressions;
using System.Xml;

namespace Lapor.Workflows.ServiceTasks;

/// <summary>
/// A <c>camunda:failedJobRetryTimeCycle</c> such as <c>R3/PT5M</c>: how many attempts a failing service task gets
/// in total, and how long to wait between them. When the attempts are used up, an incident is raised.
/// </summary>
public sealed partial record RetryCycle(int Attempts, TimeSpan Interval)
{
    public static RetryCycle Parse(string text) =>
        TryParse(text, out var cycle, out var error) ? cycle! : throw new FormatException(error);

    public static bool TryParse(string text, out RetryCycle? cycle, out string? error)
    {
        cycle = null;
        error = null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text}' is not a retry cycle; expected R<attempts>/<ISO 8601 duration>, e.g. R3/PT5M.";
            return false;
        }
        var attempts = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        TimeSpan interval;
        try
        {
            interval = XmlConvert.ToTimeSpan(match.Groups[2].Value);
        }
        catch (FormatException)
        {
            error = $"'{match.Groups[2].Value}' in retry cycle '{text}' is not an ISO 8601 duration such as PT5M.";
            return false;
        }
        if (attempts is < 1 or > 100 || interval < TimeSpan.Zero)
        {
            error = $"Retry cycle '{text}' must allow 1 to 100 attempts with a non-negative pause.";
            return false;
        }
        cycle = new RetryCycle(attempts, interval);
        return true;
    }

    [GeneratedRegex(@"^R(\d+)/(P[0-9YMWDTHS.]+)$")]
    private static partial Regex Pattern();
}
