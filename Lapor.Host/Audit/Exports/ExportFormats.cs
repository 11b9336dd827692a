using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// The three formats of an audit export. JSON is the whole record, nested. CSV is one table: a row per event (timeline
/// entry or journal row) with the case's key facts repeated. XLSX has a sheet each for cases, timeline and journal.
/// </summary>
public static class ExportFormats
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "csv", "json", "xlsx" };

    public static string ContentType(string format) => format switch
    {
        "json" => "application/json",
        "xlsx" => TableExport.XlsxType,
        _ => TableExport.CsvType,
    };

    /// <summary>The download's name, one case's or a period's alike: <c>lapor-period-2026-11-terbuka.csv</c>.</summary>
    public static string FileName(string scope, bool reporterRevealed, string format) =>
        "lapor-" + scope.Replace(':', '-') + (reporterRevealed ? "-terbuka" : "") + "." + format;

    public static byte[] ToJson(AuditExport export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);

    public static byte[] ToCsv(AuditExport export) => TableExport.Csv(Events(export));

    public static byte[] ToXlsx(AuditExport export) => TableExport.Xlsx(Cases(export), Timeline(export), Journal(export));

    private static ExportTable Cases(AuditExport export) => new("cases",
        ["tracking_code", "instance_id", "type", "title", "description", "category", "agency", "status", "stage", "submitted_at", "closed_at",
         "anonymous", "confidential", "reporter_revealed", "reporter_name", "reporter_email", "reporter_phone", "reporter_account", "rating", "rating_comment"],
        export.Cases.Select(c => (IReadOnlyList<object?>)[c.TrackingCode, c.InstanceId, c.Type, c.Title, c.Description, c.Category, c.Agency, c.Status, c.Stage,
            c.SubmittedAt, c.ClosedAt, c.Anonymous, c.Confidential, c.Reporter.Revealed, c.Reporter.Name, c.Reporter.Email, c.Reporter.Phone,
            c.Reporter.AccountId, c.RatingStars, c.RatingComment]).ToList());

    private static ExportTable Timeline(AuditExport export) => new("timeline",
        ["tracking_code", "when", "kind", "actor", "agency", "text"],
        export.Cases.SelectMany(c => c.Timeline.Select(t => (IReadOnlyList<object?>)[c.TrackingCode, t.When, t.Kind, t.Actor, t.Agency, t.Text])).ToList());

    private static ExportTable Journal(AuditExport export) => new("journal",
        ["tracking_code", "seq", "time", "kind", "actor", "activity_id", "activity_name", "activity_type", "task_id", "name", "value", "detail", "hash"],
        export.Cases.SelectMany(c => c.Journal.Select(j => (IReadOnlyList<object?>)[c.TrackingCode, j.Seq, j.Time, j.Kind, j.Actor, j.ActivityId,
            j.ActivityName, j.ActivityType, j.TaskId, j.Name, j.Value, j.Detail, j.Hash])).ToList());

    private static ExportTable Events(AuditExport export) => new("events", EventColumns, export.Cases.SelectMany(EventRows).ToList());

    /// <summary>The CSV's columns: a row per event (timeline entry or journal row) with the case's key facts repeated.</summary>
    public static IReadOnlyList<string> EventColumns { get; } =
    [
        "tracking_code", "title", "agency", "status", "reporter_name", "reporter_email", "reporter_phone", "source", "seq", "time", "kind",
        "actor", "node", "name", "value", "detail",
    ];

    public static IEnumerable<IReadOnlyList<object?>> EventRows(CaseExport c) =>
        c.Timeline.Select(t => (IReadOnlyList<object?>)[c.TrackingCode, c.Title, c.Agency, c.Status, c.Reporter.Name,
                c.Reporter.Email, c.Reporter.Phone, "timeline", null, t.When, t.Kind, t.Actor, null, t.Agency, t.Text, null])
            .Concat(c.Journal.Select(j => (IReadOnlyList<object?>)[c.TrackingCode, c.Title, c.Agency, c.Status, c.Reporter.Name,
                c.Reporter.Email, c.Reporter.Phone, "engine", j.Seq, j.Time, j.Kind, j.Actor, j.ActivityId, j.Name, j.Value, j.Detail]));
}
