using Lapor.Domain.Reports;
using Lapor.Host.Api.Reports;

namespace Lapor.Host.National;

/// <summary>The body of <c>POST /api/national/reports</c>: a report the national system hands to the province.</summary>
public sealed record NationalReportRequest(
    string? NationalId,
    ReportType? Type,
    string? Category,
    string? Title,
    string? Description,
    DateOnly? IncidentDate,
    string? Location,
    double? Latitude,
    double? Longitude,
    string? TargetAgency,
    bool Anonymous,
    bool Confidential,
    GuestContact? Reporter)
{
    public ReportDraft ToDraft() => new()
    {
        Type = Type ?? ReportType.Complaint, Title = Title, Description = Description, IncidentDate = IncidentDate, Location = Location,
        Latitude = Latitude, Longitude = Longitude, CategoryCode = Category, TargetAgencyCode = TargetAgency,
        IsAnonymous = Anonymous, IsConfidential = Confidential,
    };

    /// <summary>The contract's name for a field the domain reports by its own name (<c>CategoryCode</c> → <c>category</c>).</summary>
    public static string FieldName(string field) => field switch
    {
        nameof(ReportDraft.CategoryCode) => "category",
        nameof(ReportDraft.TargetAgencyCode) => "targetAgency",
        _ => string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..])),
    };

    /// <summary>Letters, digits and <c>-_./:</c>, at most 64: an id, not a text.</summary>
    public static bool IsWellFormedNationalId(string? id) =>
        id is { Length: > 0 and <= Data.NationalReportLink.NationalIdMaxLength }
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':');
}
