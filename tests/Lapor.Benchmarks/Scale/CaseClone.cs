using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.Domain.Reports;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// One copy of a template case, value by value: every id the case owns (report, instance, executions, tasks, timers,
/// subscriptions, history chain, as text, uuid or 16 bytes) gets a new one, consistently across tables; its tracking
/// code and notice token are new; its agencies and category are replaced by the drawn ones; its times are moved so the
/// case starts at <see cref="Start"/> and its events span <see cref="Span"/> instead of the template's seconds. The
/// title and text are drawn, so search finds a realistic share. Timers are put 30–60 days ahead of the fill so none
/// fires while the benchmark measures. The history records' packed contents are copied as they are (see the docs).
/// </summary>
public sealed partial class CaseClone(
    TemplateRows template, DateTime start, TimeSpan span, IReadOnlyDictionary<string, string> agencies, string category,
    (string Title, string Description) text, bool anonymous, bool confidential, DateTime now, Random random)
{
    private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);
    private readonly string _code = TrackingCode.New().ToString();

    public string Code => _code;

    /// <summary>The template's rows, copied and changed, table by table in the template's order.</summary>
    public IEnumerable<(TableRows Table, object[] Row)> Rows()
    {
        var (first, last) = template.EventSpan(now);
        foreach (var table in template.Tables)
            foreach (var source in table.Rows)
            {
                var row = new object[source.Length];
                for (var i = 0; i < source.Length; i++)
                    row[i] = Value(table.Table, table.Columns[i], source[i], first, last);
                yield return (table, row);
            }
    }

    private object Value(string table, string column, object value, DateTime first, DateTime last)
    {
        switch (table, column)
        {
            case ("report", "Title"): return text.Title;
            case ("report", "Description"): return text.Description;
            case ("report", "IsAnonymous"): return Flag(value, anonymous);
            case ("report", "IsConfidential"): return Flag(value, confidential);
            case ("report", "NoticeToken"): return Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            case ("report", "reporter_name") when anonymous: return "Anonim";
            case ("wf_job", "DueAt"): return Moment(value, now.AddDays(30 + random.Next(30)));
        }
        return value switch
        {
            DBNull => value,
            string s when s == template.Template.TrackingCode => _code,
            string s when GuidText().IsMatch(s) => Id(s),
            string s when s == template.Category => category,
            string s when agencies.TryGetValue(s, out var agency) => agency,
            string s when s.EndsWith("-supervisor", StringComparison.Ordinal) && agencies.TryGetValue(s[..^"-supervisor".Length], out var agency) => agency + "-supervisor",
            string s when DateText().IsMatch(s) => Text(Move(Parse(s), first, last)),
            byte[] { Length: 16 } bytes => Id(new Guid(bytes, bigEndian: true)).ToByteArray(bigEndian: true),
            Guid guid => Id(guid),
            DateTime time => Move(time, first, last),
            DateTimeOffset time => new DateTimeOffset(Move(time.UtcDateTime, first, last)),
            _ => value,
        };
    }

    /// <summary>Times up to the template's last event are stretched onto [start, start + span]; later ones (due dates) keep their distance to it.</summary>
    private DateTime Move(DateTime time, DateTime first, DateTime last)
    {
        var kind = time.Kind;
        var t = DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
        var moved = last > first && t <= last
            ? start + (t - first) * (span / (last - first))
            : start + span + (t - last);
        return DateTime.SpecifyKind(moved, kind);
    }

    private string Id(string text)
    {
        var id = Id(Guid.Parse(text));
        var written = id.ToString();
        return char.IsUpper(text.FirstOrDefault(char.IsLetter)) ? written.ToUpperInvariant() : written;
    }

    private Guid Id(Guid old)
    {
        var key = old.ToString("N");
        if (!_ids.TryGetValue(key, out var id))
            _ids[key] = id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)));
        return id;
    }

    private static object Flag(object template, bool on) => template is bool ? on : on ? 1L : 0L;

    private static object Moment(object template, DateTime when) =>
        template is string ? Text(when) : DateTime.SpecifyKind(when, DateTimeKind.Utc);

    internal static DateTime Parse(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>As EF Core's SQLite provider writes a DateTime.</summary>
    private static string Text(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")]
    internal static partial Regex DateText();
}
