using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// Public reports as Open311 service requests. Everything starts from <see cref="ReportQueries.PublicReports"/>, so
/// a confidential report is never listed nor found by id; only the fields below are read, never the reporter.
/// </summary>
public sealed class Open311Requests(ReportQueries queries, LaporDb db, DateDisplay dates)
{
    public async Task<IReadOnlyList<Open311Request>> FindAsync(Open311RequestFilter filter, CancellationToken ct)
    {
        var query = queries.PublicReports();
        if (filter.ById)
        {
            var ids = filter.Ids;
            query = query.Where(r => ids.Contains(r.TrackingCode));
        }
        else
        {
            if (filter.ServiceCodes.Count > 0)
                query = query.Where(r => filter.ServiceCodes.Contains(r.CategoryCode));
            if (filter.Statuses.Count > 0)
                query = query.Where(r => filter.Statuses.Contains(r.Status));
            query = query.Where(r => r.SubmittedAt >= filter.Start && r.SubmittedAt <= filter.End);
        }
        var rows = await query.OrderByDescending(r => r.SubmittedAt).Take(Open311RequestFilter.MaxResults)
            .Select(r => new
            {
                r.TrackingCode, r.Status, r.Stage, r.CategoryCode, r.Description, r.ResponsibleAgencyCode, r.SubmittedAt,
                r.ClosedAt, r.Location, r.Latitude, r.Longitude, Updates = r.Timeline.Select(t => t.When).ToList(),
            })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return rows.Select(r => new Open311Request(
            r.TrackingCode.ToString(),
            r.Status == ReportStatus.Closed ? "closed" : "open",
            r.Stage,
            categories.GetValueOrDefault(r.CategoryCode),
            r.CategoryCode,
            r.Description,
            r.ResponsibleAgencyCode is { } agency ? agencies.GetValueOrDefault(agency, agency) : null,
            ServiceNotice: null,
            RequestedDatetime: W3(r.SubmittedAt),
            UpdatedDatetime: W3(r.Updates.Append(r.SubmittedAt).Append(r.ClosedAt ?? r.SubmittedAt).Max()),
            ExpectedDatetime: null,
            Address: r.Location,
            AddressId: null,
            Zipcode: null,
            Lat: r.Latitude,
            Long: r.Longitude,
            MediaUrl: null)).ToList();
    }

    /// <summary>In the configured zone with its offset, to the second: <c>2026-03-05T14:30:00+08:00</c>.</summary>
    private string W3(DateTimeOffset when) =>
        TimeZoneInfo.ConvertTime(when, dates.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
