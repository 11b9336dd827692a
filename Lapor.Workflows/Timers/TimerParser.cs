using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Quartz;

namespace Lapor.Workflows.Timers;

/// <summary>
/// Parses the text of a BPMN timer definition after any <c>${...}</c> expression in it has been evaluated.
/// </summary>
/// <remarks>
/// Accepted forms:
/// <list type="bullet">
/// <item><description>Date: an ISO 8601 date-time with an offset or <c>Z</c>, e.g. <c>2026-03-18T09:00:00+08:00</c>.</description></item>
/// <item><description>Duration: ISO 8601 <c>PnYnMnWnDTnHnMnS</c> (only seconds may have a fraction; <c>P5D</c> is five calendar days).</description></item>
/// <item><description>Cycle: <c>R/&lt;duration&gt;</c>, <c>Rn/&lt;duration&gt;</c>, <c>Rn/&lt;start&gt;/&lt;duration&gt;</c>, or a Quartz cron expression read in UTC.</description></item>
/// </list>
/// Lapor extension, not part of ISO 8601: <c>P&lt;n&gt;WD</c> means n working days on the process's business calendar,
/// e.g. <c>P5WD</c>. It is accepted wherever a duration is, and must stand alone.
/// </remarks>
public static partial class TimerParser
{
    private const string DurationExamples = "expected e.g. PT10M, P5D, or P5WD for working days";
    private const string DateExamples = "expected e.g. 2026-03-18T09:00:00+08:00 or 2026-03-18T01:00:00Z";

    // The same ceiling as BusinessCalendar.AddWorkingDays, reported while parsing so a bad model fails when it is deployed.
    private const int MaxWorkingDays = 3650;

    // The span DateTimeOffset can represent; anything longer fails on every start date.
    private const double MaxDurationDays = 3_652_059;

    /// <summary>Parses <paramref name="text"/> as a timer of the given kind.</summary>
    /// <exception cref="FormatException">The text is not valid for <paramref name="kind"/>; the message says why.</exception>
    public static TimerSchedule Parse(TimerKind kind, string text) =>
        TryParse(kind, text, out var schedule, out var error) ? schedule : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/> as a timer of the given kind, reporting what is wrong instead of throwing.</summary>
    public static bool TryParse(
        TimerKind kind,
        string text,
        [NotNullWhen(true)] out TimerSchedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown timer kind.");
        }

        schedule = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = $"The timer {kind.ToString().ToLowerInvariant()} is empty";
            return false;
        }

        error = kind switch
        {
            TimerKind.Date => ParseDateTimer(trimmed, out schedule),
            TimerKind.Duration => ParseDurationTimer(trimmed, out schedule),
            TimerKind.Cycle => ParseCycle(trimmed, out schedule),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown timer kind."),
        };
        return error is null;
    }

    private static string? ParseDateTimer(string text, out TimerSchedule? schedule)
    {
        var error = ParseDate(text, out var at);
        schedule = error is null ? new DateTimerSchedule(text, at) : null;
        return error;
    }

    private static string? ParseDurationTimer(string text, out TimerSchedule? schedule)
    {
        var error = ParseDuration(text, out var duration);
        schedule = duration is null ? null : new DurationTimerSchedule(text, duration);
        return error;
    }

    private static string? ParseCycle(string text, out TimerSchedule? schedule)
    {
        schedule = null;
        if (!text.StartsWith('R') || !text.Contains('/'))
        {
            return ParseCron(text, out schedule);
        }

        var parts = text.Split('/');
        var count = parts[0][1..];
        int? repetitions = null;
        if (count.Length > 0)
        {
            if (!count.All(char.IsAsciiDigit))
            {
                return $"'{text}' starts with '{parts[0]}', which is not a repetition count (expected R for no limit or e.g. R3)";
            }

            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return $"'{text}' repeats {count} times, which is too many (leave the number out, as in R/PT1H, for no limit)";
            }

            if (parsed == 0)
            {
                return $"'{text}' repeats zero times, so it would never fire (use R1 or more)";
            }

            repetitions = parsed;
        }

        DateTimeOffset? start = null;
        string durationText;
        switch (parts.Length)
        {
            case 2:
                durationText = parts[1];
                break;
            case 3:
                if (ParseDuration(parts[1], out _) is null)
                {
                    return $"'{text}' gives a duration before an end; only R<n>/<duration> and R<n>/<start>/<duration> are supported";
                }

                if (ParseDate(parts[1], out var at) is { } startError)
                {
                    return $"'{text}' has a bad start: {startError}";
                }

                start = at;
                durationText = parts[2];
                break;
            default:
                return $"'{text}' has {parts.Length - 1} parts after the repetition count; expected R<n>/<duration> or R<n>/<start>/<duration>";
        }

        if (ParseDuration(durationText, out var interval) is { } durationError)
        {
            return ParseDate(durationText, out _) is null
                ? $"'{text}' has a date where the interval belongs; write R<n>/<start>/<duration> (end dates are not supported)"
                : $"'{text}' has a bad interval: {durationError}";
        }

        if (interval!.IsZero)
        {
            return $"'{text}' repeats every {interval}, which would fire without pause";
        }

        schedule = new RepeatingTimerSchedule(text, repetitions, start, interval);
        return null;
    }

    private static string? ParseCron(string text, out TimerSchedule? schedule)
    {
        schedule = null;
        try
        {
            _ = CronExpression.Parse(text);
        }
        catch (FormatException ex)
        {
            return $"'{text}' is neither a repeating interval (e.g. R3/PT10M or R/P1WD) nor a valid Quartz cron expression: {ex.Message}";
        }

        schedule = new CronTimerSchedule(text);
        return null;
    }

    private static string? ParseDate(string text, out DateTimeOffset at)
    {
        at = default;
        if (DateOnlyPattern().IsMatch(text))
        {
            return $"'{text}' is a date without a time; a timer date needs a time and an offset, e.g. {text}T09:00:00+08:00";
        }

        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return $"'{text}' is not an ISO 8601 date-time ({DateExamples})";
        }

        var zone = match.Groups["zone"];
        if (!zone.Success)
        {
            return $"'{text}' has no UTC offset, so the moment it names depends on the server's zone; add one, e.g. {text}+08:00 for WITA or {text}Z for UTC";
        }

        var normalized = NormalizeDateTime(match.Groups["local"].Value) + NormalizeOffset(zone.Value);
        if (!DateTimeOffset.TryParseExact(
                normalized,
                ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out at))
        {
            return $"'{text}' is not a real date-time (check the month, day, hour and offset; {DateExamples})";
        }

        return null;
    }

    private static string NormalizeDateTime(string local)
    {
        // Seconds are optional in ISO 8601, a comma may mark the fraction, and .NET reads at most seven fraction digits.
        if (local.Length == "yyyy-MM-ddTHH:mm".Length)
        {
            return local + ":00";
        }

        var fraction = local.IndexOfAny(['.', ',']);
        if (fraction < 0)
        {
            return local;
        }

        var digits = local[(fraction + 1)..];
        return $"{local[..fraction]}.{digits[..Math.Min(digits.Length, 7)]}";
    }

    private static string NormalizeOffset(string zone) => zone switch
    {
        "Z" => "+00:00",
        { Length: 3 } => zone + ":00",
        { Length: 5 } => $"{zone[..3]}:{zone[3..]}",
        _ => zone,
    };

    private static string? ParseDuration(string text, out TimerDuration? duration)
    {
        duration = null;
        if (text.StartsWith('-'))
        {
            return $"'{text}' is negative; a timer cannot wait a negative time";
        }

        var workingDays = WorkingDaysPattern().Match(text);
        if (workingDays.Success)
        {
            if (!int.TryParse(workingDays.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                || days > MaxWorkingDays)
            {
                return $"'{text}' asks for more than {MaxWorkingDays} working days (about 14 years), which is not supported";
            }

            duration = TimerDuration.OfWorkingDays(days);
            return null;
        }

        if (text.Contains("WD", StringComparison.Ordinal))
        {
            return $"'{text}' mixes working days with other parts; write P<n>WD alone, e.g. P5WD";
        }

        var match = DurationPattern().Match(text);
        if (!match.Success || text == "P" || text.EndsWith('T'))
        {
            return FractionOutsideSecondsPattern().IsMatch(text)
                ? $"'{text}' has a fraction outside the seconds; only seconds may have one (write PT36H rather than P1.5D)"
                : $"'{text}' is not an ISO 8601 duration ({DurationExamples})";
        }

        try
        {
            var hours = Number(match, "h");
            var minutes = Number(match, "mi");
            var seconds = match.Groups["s"].Success
                ? decimal.Parse(match.Groups["s"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
                : 0m;
            var time = TimeSpan.FromTicks(checked(
                hours * TimeSpan.TicksPerHour
                + minutes * TimeSpan.TicksPerMinute
                + (long)(seconds * TimeSpan.TicksPerSecond)));
            var years = (int)Number(match, "y");
            var months = (int)Number(match, "mo");
            var weeks = (int)Number(match, "w");
            var days = (int)Number(match, "d");
            var roughDays = years * 366.0 + months * 31.0 + weeks * 7.0 + days + time.TotalDays;
            if (roughDays > MaxDurationDays)
            {
                return $"'{text}' is longer than any calendar can count";
            }

            duration = TimerDuration.Calendar(years, months, weeks, days, time);
            return null;
        }
        catch (OverflowException)
        {
            return $"'{text}' has a number too large to use";
        }
    }

    private static long Number(Match match, string group) =>
        match.Groups[group].Success
            ? int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;

    [GeneratedRegex(@"^P(?:(?<y>[0-9]+)Y)?(?:(?<mo>[0-9]+)M)?(?:(?<w>[0-9]+)W)?(?:(?<d>[0-9]+)D)?(?:T(?:(?<h>[0-9]+)H)?(?:(?<mi>[0-9]+)M)?(?:(?<s>[0-9]+(?:[.,][0-9]+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^P(?<n>[0-9]+)WD$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDaysPattern();

    [GeneratedRegex(@"^P.*[0-9][.,][0-9]+[YMWDH]", RegexOptions.CultureInvariant)]
    private static partial Regex FractionOutsideSecondsPattern();

    [GeneratedRegex(@"^(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)(?<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyPattern();
}
