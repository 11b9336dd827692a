using Lapor.Domain.Reports;

namespace Lapor.Host.Api.Reports;

/// <summary>The JSON body of <c>POST /api/reports</c>. A guest gives <see cref="Reporter"/>; a signed-in caller need not.</summary>
public sealed record SubmitReportRequest(
    ReportType Type,
    string? Title,
    string? Description,
    DateOnly? IncidentDate,
    string? Location,
    double? Latitude,
    double? Longitude,
    string? CategoryCode,
    string? TargetAgencyCode,
    bool Anonymous,
    bool Confidential,
    GuestContact? Reporter)
{
    public ReportDraft ToDraft() => new()
    {
        Type = Type, Title = Title, Description = Description, IncidentDate = IncidentDate, Location = Location,
        Latitude = Latitude, Longitude = Longitude, CategoryCode = CategoryCode, TargetAgencyCode = TargetAgencyCode,
        IsAnonymous = Anonymous, IsConfidential = Confidential,
    };
}
