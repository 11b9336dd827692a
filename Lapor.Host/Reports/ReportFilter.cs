using Lapor.Domain.Reports;

namespace Lapor.Host.Reports;

/// <summary>Search and filters of the public list; every field optional. Page numbers start at 1.</summary>
public sealed record ReportFilter(
    string? Search = null,
    ReportType? Type = null,
    string? CategoryCode = null,
    string? AgencyCode = null,
    string? Stage = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 20);
