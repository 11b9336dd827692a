using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// The query of <c>GET requests.{format}</c> as GeoReport defines it: ids override every other parameter; otherwise
/// service codes and statuses (comma lists) within a window of at most <see cref="MaxWindow"/>, the most recent one
/// when no dates are given.
/// </summary>
public sealed record Open311RequestFilter(
    IReadOnlyList<TrackingCode> Ids,
    IReadOnlyList<string> ServiceCodes,
    IReadOnlyList<ReportStatus> Statuses,
    DateTimeOffset Start,
    DateTimeOffset End)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public const int MaxResults = 1000;

    /// <summary>More ids than a page could hold is a mistake, not a query.</summary>
    public const int MaxIds = 100;

    public bool ById => Ids.Count > 0;

    public static (Open311RequestFilter? Filter, IReadOnlyList<Open311Error> Errors) Parse(
        string? ids, string? serviceCodes, string? statuses, string? startDate, string? endDate, DateTimeOffset now, IStringLocalizer<PortalText> text)
    {
        var errors = new List<Open311Error>();
        var idList = Split(ids);
        if (idList.Count > 0)
        {
            if (idList.Count > MaxIds)
                return (null, [Bad("service_request_id", text["Api.Open311.TooManyIds", MaxIds])]);
            // An id that cannot be a tracking code matches nothing, as an unknown one does.
            var codes = idList.Select(i => TrackingCode.TryParse(i, out var c) ? c : default).Where(c => c != default).Distinct().ToList();
            return (new Open311RequestFilter(codes.Count > 0 ? codes : [default], [], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue), []);
        }

        var statusList = new List<ReportStatus>();
        foreach (var status in Split(statuses))
        {
            // Open311 knows only open and closed: a report waiting for its reporter's confirmation is not closed yet.
            if (status.Equals("open", StringComparison.OrdinalIgnoreCase))
                statusList.AddRange([ReportStatus.Open, ReportStatus.AwaitingConfirmation]);
            else if (status.Equals("closed", StringComparison.OrdinalIgnoreCase))
                statusList.Add(ReportStatus.Closed);
            else
                errors.Add(Bad("status", text["Api.Open311.StatusInvalid"]));
        }
        var start = Date(startDate, "start_date", text, errors);
        var end = Date(endDate, "end_date", text, errors);
        if (errors.Count > 0)
            return (null, errors);

        (start, end) = (start, end) switch
        {
            (null, null) => (now - MaxWindow, now),
            ({ } s, null) => (s, s + MaxWindow),
            (null, { } e) => (e - MaxWindow, e),
            ({ } s, { } e) => (s, e),
        };
        if (end < start)
            return (null, [Bad("end_date", text["Api.Open311.EndBeforeStart"])]);
        if (end - start > MaxWindow)
            return (null, [Bad("end_date", text["Api.Open311.RangeTooLong", MaxWindow.TotalDays])]);
        var codesFilter = Split(serviceCodes).Select(c => c.ToLowerInvariant()).Distinct().ToList();
        return (new Open311RequestFilter([], codesFilter, statusList.Distinct().ToList(), start!.Value, end!.Value), []);
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>ISO 8601 as the w3 note profiles it; a time without an offset is taken as UTC.</summary>
    private static DateTimeOffset? Date(string? value, string field, IStringLocalizer<PortalText> text, List<Open311Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            return when;
        errors.Add(Bad(field, text["Api.Open311.DateInvalid"]));
        return null;
    }

    private static Open311Error Bad(string field, string text) => new(StatusCodes.Status400BadRequest, $"{field}: {text}");
}
