using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Domain.Reports;

namespace Lapor.Host.National;

/// <summary>
/// One event for the national system, as docs/national-connector.md describes it. What a report may tell is decided
/// here and only here: a confidential report sends no content, an anonymous one no name, and no report ever sends
/// the reporter's contact details.
/// </summary>
public sealed record NationalEvent(
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string ProvinceId,
    NationalEvent.ReportFields Report,
    NationalEvent.ChangeFields? Change)
{
    public const string Created = "report.created";
    public const string StatusChanged = "report.status-changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public sealed record ReportFields(
        Guid Id,
        string TrackingCode,
        string? NationalId,
        ReportType Type,
        string Category,
        string? Agency,
        string Status,
        string Stage,
        bool Confidential,
        bool Anonymous,
        DateTimeOffset SubmittedAt,
        DateTimeOffset? ClosedAt,
        string? Title = null,
        string? Description = null,
        DateOnly? IncidentDate = null,
        string? Location = null,
        double? Latitude = null,
        double? Longitude = null,
        string? ReporterName = null);

    public sealed record ChangeFields(string Kind, string? Agency, string? Text);

    /// <summary>The <c>change.kind</c> of a timeline step pushed as <c>report.status-changed</c>; null for the steps
    /// that are not pushed (submission has its own event; a reporter's reply and rating stay in the province).</summary>
    public static string? ChangeKindOf(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Disposed => "disposed",
        TimelineEntryKind.Forwarded => "forwarded",
        TimelineEntryKind.StageChanged => "stage-changed",
        TimelineEntryKind.InformationRequested => "asked",
        TimelineEntryKind.PublicResponse => "answered",
        TimelineEntryKind.Explanation => "explained",
        TimelineEntryKind.AwaitingConfirmation => "awaiting-confirmation",
        TimelineEntryKind.Closed => "closed",
        TimelineEntryKind.Reopened => "reopened",
        _ => null,
    };

    /// <summary>The event for <paramref name="step"/> of <paramref name="report"/>; null when the step is not pushed.</summary>
    public static NationalEvent? For(Report report, TimelineEntry step, string? nationalId, string provinceId)
    {
        string type;
        ChangeFields? change = null;
        if (step.Kind == TimelineEntryKind.Submitted)
            type = Created;
        else if (ChangeKindOf(step.Kind) is { } kind)
        {
            type = StatusChanged;
            change = new ChangeFields(kind, step.AgencyCode, report.IsConfidential ? null : step.PublicText);
        }
        else
            return null;
        return new NationalEvent(Guid.NewGuid().ToString("N"), type, step.When, provinceId, FieldsOf(report, nationalId), change);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static ReportFields FieldsOf(Report report, string? nationalId)
    {
        var fields = new ReportFields(report.Id, report.TrackingCode.ToString(), nationalId, report.Type, report.CategoryCode,
            report.ResponsibleAgencyCode, report.Status == ReportStatus.Closed ? "closed" : "open", report.Stage,
            report.IsConfidential, report.IsAnonymous, report.SubmittedAt, report.ClosedAt);
        if (report.IsConfidential)
            return fields;
        return fields with
        {
            Title = report.Title, Description = report.Description, IncidentDate = report.IncidentDate, Location = report.Location,
            Latitude = report.Latitude, Longitude = report.Longitude,
            ReporterName = report.IsAnonymous ? null : report.Reporter.Name,
        };
    }
}
