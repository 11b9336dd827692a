using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Maps;
using Lapor.Host.SimilarReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Reports;

/// <summary>
/// What the public and reporters may read. Confidential reports are filtered in the query itself, so no page or API
/// can list them by mistake; the tracking code (a secret held by the reporter) opens the reporter's own view.
/// </summary>
public sealed class ReportQueries(LaporDb db, IStringLocalizer<PortalText> text, IReportTextSearch search)
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// The public list counts matches up to this many and then says "more than": counting a million public reports
    /// for a page of ten took 0.5 s on SQLite (docs/benchmarks.md, scale); nobody pages past a thousand pages.
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// Every report anyone may read, for the public list and other public feeds (Open311) to filter further: the one
    /// place that leaves confidential reports out.
    /// </summary>
    public IQueryable<Report> PublicReports() => Public(db.Reports);

    private static IQueryable<Report> Public(IQueryable<Report> reports) => reports.AsNoTracking().Where(r => !r.IsConfidential);

    /// <summary>
    /// A search counts its matches up to this many, fewer than the plain list: counting them means looking each one up
    /// in the report table (is it confidential, does it pass the filters), about 6 µs each on SQLite at a million
    /// reports.
    /// </summary>
    public const int SearchCountLimit = 1_000;

    /// <summary>
    /// A search whose words the index finds in at most this many reports is read from the index side: those reports
    /// are looked up, filtered, sorted by date and counted in one pass (2,000 look-ups: about 15 ms). Walking the
    /// reports newest first and keeping those the index names finds a page quickly only when matches are many; with few
    /// it reads every report (1.8 s at a million for a word nobody used).
    /// </summary>
    public const int FewMatches = 2_000;

    /// <summary>
    /// How many of a many-match search's most recently stored matches its page is chosen from first, at least (four
    /// times the reports up to the page's end, for a deep page). Reports are stored as they are submitted, so the newest
    /// matches are among them: an unfiltered first page looks up 100 reports, where it looked up 2,000 (15 ms at a
    /// million) and all 50,000 matches of a common word before that (100–200 ms). An edited report is stored again,
    /// later, and takes a place among them, which is why the window is several pages wide.
    /// </summary>
    private const int FirstRecentMatches = 100;

    /// <summary>
    /// The wider window a page is chosen from when the filters leave too few of the first one's matches for it
    /// (2,000 look-ups: about 10 ms at a million reports); with still too few, the list falls back to every match.
    /// </summary>
    private const int RecentMatches = 2_000;

    /// <summary>
    /// Where the database tests rows for the words: how many of the most recently submitted reports a search reads first,
    /// newest first. A word in more than one in thirty of them (as the everyday complaints are) has its count and page
    /// there; a rarer word goes to the word's index, which is quick for it.
    /// </summary>
    public const int RecentReports = 30_000;

    /// <summary>Public reports that pass the filter's search and filters (its page is not applied): the list and its map.</summary>
    public IQueryable<Report> PublicMatching(ReportFilter filter)
    {
        var query = Filtered(filter);
        if (string.IsNullOrWhiteSpace(filter.Search))
            return query;
        // Every word, as a word or its beginning, through the full-text index (decision 022's), since a substring
        // scan reads every report. A search of only short or stop words has no index terms and still scans.
        var terms = SearchTerms.Of(filter.Search);
        if (terms.Count > 0)
        {
            var matching = search.MatchingAll(terms);
            return query.Where(r => matching.Contains(r.Id));
        }
        var term = filter.Search.Trim().ToLower();
        return query.Where(r => r.Title.ToLower().Contains(term) || r.Description.ToLower().Contains(term));
    }

    /// <summary>Public reports (of <paramref name="reports"/>, else all) that pass the filter's filters other than its search.</summary>
    private IQueryable<Report> Filtered(ReportFilter filter, IQueryable<Report>? reports = null)
    {
        var query = Public(reports ?? db.Reports);
        if (filter.Type is { } type)
            query = query.Where(r => r.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
            query = query.Where(r => r.CategoryCode == filter.CategoryCode);
        if (!string.IsNullOrWhiteSpace(filter.AgencyCode))
            query = query.Where(r => r.ResponsibleAgencyCode == filter.AgencyCode || r.TargetAgencyCode == filter.AgencyCode);
        if (!string.IsNullOrWhiteSpace(filter.Stage))
            query = query.Where(r => r.Stage == filter.Stage);
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.SubmittedAt >= start);
        }
        // The last day of the calendar has no "next midnight": up to it means no upper bound at all.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.SubmittedAt < end);
        }
        return query;
    }

    public async Task<ReportPage<ReportSummary>> PublicListAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var skip = (page - 1) * pageSize;
        var terms = string.IsNullOrWhiteSpace(filter.Search) ? [] : SearchTerms.Of(filter.Search);
        if (terms.Count == 0)
        {
            var query = PublicMatching(filter);
            var counted = await query.Take(CountLimit + 1).CountAsync(ct);
            var rows = await Summaries(query.OrderByDescending(r => r.SubmittedAt).Skip(skip).Take(pageSize), ct);
            return new ReportPage<ReportSummary>(rows, page, pageSize, Math.Min(counted, CountLimit)) { MoreThanTotal = counted > CountLimit };
        }
        if (search.ReportsMatchingAll(terms, RecentReports) is { } recent && await CommonWordPageAsync(filter, terms, recent, skip, page, pageSize, ct) is { } common)
            return common;

        // Counted in the database first: a common word's 2,001 ids, read as ids, cost more than the page they decide.
        var found = await search.MatchingAll(terms).Take(FewMatches + 1).CountAsync(ct);
        if (found <= FewMatches)
            return await FewMatchesPageAsync(filter, await search.MatchingAll(terms).ToListAsync(ct), skip, page, pageSize, ct);
        return search.ReportsMatchingAll(terms) is { } matches
            ? await InPlacePageAsync(Filtered(filter, matches), skip, page, pageSize, ct)
            : await ManyMatchesPageAsync(filter, terms, found, skip, page, pageSize, ct);
    }

    /// <summary>
    /// Where the database tests rows for the words (PostgreSQL): the page of a word common among the newest
    /// <see cref="RecentReports"/> reports, read from them alone, or null when they hold no more than
    /// <see cref="SearchCountLimit"/> matches that pass the filters. Reading 30,000 reports newest first costs about 15 ms
    /// at a million; the word's index would hand over all 50,000 matches of a common word first (40–80 ms).
    /// </summary>
    private async Task<ReportPage<ReportSummary>?> CommonWordPageAsync(ReportFilter filter, IReadOnlyList<string> terms, IQueryable<Report> recent,
        int skip, int page, int pageSize, CancellationToken ct)
    {
        var recentMatches = Filtered(filter, recent);
        var counted = await recentMatches.Take(SearchCountLimit + 1).CountAsync(ct);
        if (counted <= SearchCountLimit)
            return null;
        // The newest matches are the newest of all: a page within the counted ones is among them.
        var source = skip + pageSize <= counted ? recentMatches : Filtered(filter, search.ReportsMatchingAll(terms)!);
        var rows = await Summaries(source.OrderByDescending(r => r.SubmittedAt).Skip(skip).Take(pageSize), ct);
        return new ReportPage<ReportSummary>(rows, page, pageSize, SearchCountLimit) { MoreThanTotal = true };
    }

    /// <summary>
    /// Many matches, tested on the rows themselves: counted to <see cref="SearchCountLimit"/> and paged newest first in
    /// one walk each. With more than <see cref="FewMatches"/> matches, walking the submission index finds a page of 20
    /// within about 10,000 reports at a million.
    /// </summary>
    private async Task<ReportPage<ReportSummary>> InPlacePageAsync(IQueryable<Report> matches, int skip, int page, int pageSize, CancellationToken ct)
    {
        var counted = await matches.Take(SearchCountLimit + 1).CountAsync(ct);
        var rows = await Summaries(matches.OrderByDescending(r => r.SubmittedAt).Skip(skip).Take(pageSize), ct);
        return new ReportPage<ReportSummary>(rows, page, pageSize, Math.Min(counted, SearchCountLimit)) { MoreThanTotal = counted > SearchCountLimit };
    }

    /// <summary>The matches that pass the filters, newest first, sorted in memory; then the page's rows by their ids.</summary>
    private async Task<ReportPage<ReportSummary>> FewMatchesPageAsync(ReportFilter filter, List<Guid> found, int skip, int page, int pageSize,
        CancellationToken ct)
    {
        var passing = await Filtered(filter).Where(r => found.Contains(r.Id)).Select(r => new { r.Id, r.SubmittedAt }).ToListAsync(ct);
        var ids = passing.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Skip(skip).Take(pageSize).Select(r => r.Id).ToList();
        var rows = await Lines(PublicReports().Where(r => ids.Contains(r.Id)), ct);
        // The same limit as with many matches, so a search says "more than 1,000" whichever way it was read.
        return new ReportPage<ReportSummary>(rows.OrderBy(r => ids.IndexOf(r.Id)).Select(r => r.Line).ToList(), page, pageSize,
            Math.Min(passing.Count, SearchCountLimit)) { MoreThanTotal = passing.Count > SearchCountLimit };
    }

    /// <summary>
    /// Counted from the index side up to <see cref="SearchCountLimit"/>; without filters, over an index of public reports
    /// only, the <paramref name="found"/> matches (more than <see cref="FewMatches"/>) are the count already. The page
    /// comes from the matches stored most recently, which hold the newest unless the filters leave too few of them
    /// (a wider window then); then from every match, newest first.
    /// </summary>
    private async Task<ReportPage<ReportSummary>> ManyMatchesPageAsync(ReportFilter filter, IReadOnlyList<string> terms, int found, int skip,
        int page, int pageSize, CancellationToken ct)
    {
        var many = search.PublicOnly && !HasFilters(filter)
            ? found
            : await (from id in search.MatchingAll(terms) join r in Filtered(filter) on id equals r.Id select id).Take(SearchCountLimit + 1).CountAsync(ct);
        var newest = new List<ReportSummary>();
        foreach (var window in new[] { FirstRecentMatches, RecentMatches }.Select(w => Math.Max(w, (skip + pageSize) * 4)).Distinct())
        {
            var recent = search.NewestMatching(terms, window);
            newest = await Summaries(Filtered(filter).Where(r => recent.Contains(r.Id)).OrderByDescending(r => r.SubmittedAt).Skip(skip).Take(pageSize), ct);
            if (newest.Count == pageSize || skip + newest.Count >= many)
                break;
        }
        if (newest.Count < pageSize && skip + newest.Count < many)
            newest = await Summaries(PublicMatching(filter).OrderByDescending(r => r.SubmittedAt).Skip(skip).Take(pageSize), ct);
        return new ReportPage<ReportSummary>(newest, page, pageSize, Math.Min(many, SearchCountLimit)) { MoreThanTotal = many > SearchCountLimit };
    }

    /// <summary>Whether anything but the words narrows the list: the filter differs from an empty one in more than its words and page.</summary>
    private static bool HasFilters(ReportFilter filter) =>
        filter with { Search = null, Page = Unfiltered.Page, PageSize = Unfiltered.PageSize } != Unfiltered;

    private static readonly ReportFilter Unfiltered = new();

    /// <summary>The list's lines for <paramref name="reports"/>, in the query's order; the reporter's name only if they gave it.</summary>
    private async Task<List<ReportSummary>> Summaries(IQueryable<Report> reports, CancellationToken ct) =>
        (await Lines(reports, ct)).Select(r => r.Line).ToList();

    private async Task<List<(Guid Id, ReportSummary Line)>> Lines(IQueryable<Report> reports, CancellationToken ct)
    {
        var rows = await reports
            .Select(r => new { r.Id, r.TrackingCode, r.Type, r.Title, r.CategoryCode, r.ResponsibleAgencyCode, r.IsAnonymous, r.Reporter.Name, r.Stage, r.Status, r.SubmittedAt })
            .ToListAsync(ct);
        var anonymous = text["Report.Anonymous"].Value;
        return rows.Select(r => (r.Id, new ReportSummary(r.TrackingCode.ToString(), r.Type, r.Title, r.CategoryCode, r.ResponsibleAgencyCode,
            r.IsAnonymous ? anonymous : r.Name, r.Stage, r.Status, r.SubmittedAt))).ToList();
    }

    /// <summary>The public page of a report; null for unknown codes and for confidential reports alike (no existence leak).</summary>
    public async Task<PublicReport?> PublicAsync(string code, CancellationToken ct = default) =>
        await FindAsync(code, forReporter: false, ct);

    /// <summary>The reporter's view by tracking code: confidential reports too, since the code is the reporter's secret.</summary>
    public async Task<PublicReport?> TrackAsync(string code, CancellationToken ct = default) =>
        await FindAsync(code, forReporter: true, ct);

    /// <summary>Reports submitted from an account, newest first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> OwnAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Reports.AsNoTracking().Where(r => r.Reporter.UserId == userId).OrderByDescending(r => r.SubmittedAt)
            .Select(r => new { r.TrackingCode, r.Type, r.Title, r.CategoryCode, r.ResponsibleAgencyCode, r.IsAnonymous, r.Reporter.Name, r.Stage, r.Status, r.SubmittedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ReportSummary(r.TrackingCode.ToString(), r.Type, r.Title, r.CategoryCode, r.ResponsibleAgencyCode,
            r.Name, r.Stage, r.Status, r.SubmittedAt)).ToList();
    }

    /// <summary>
    /// The report behind a process instance, for staff who reached it through a task they may see (the caller checks
    /// that). Same shape as the public view: the reporter by public name only, since agencies read it too.
    /// </summary>
    public async Task<(Guid Id, PublicReport View)?> ForInstanceAsync(string instanceId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.ProcessInstanceId == instanceId, ct);
        return report is null ? null : (report.Id, await ViewAsync(report, withRatingComment: true, ct));
    }

    /// <summary>The reporter's view holds what only the code's holder may read: a confidential report, their rating comment.</summary>
    private async Task<PublicReport?> FindAsync(string input, bool forReporter, CancellationToken ct)
    {
        if (!TrackingCode.TryParse(input, out var code))
            return null;
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingCode == code, ct);
        if (report is null || (report.IsConfidential && !forReporter))
            return null;
        return await ViewAsync(report, withRatingComment: forReporter, ct);
    }

    private async Task<PublicReport> ViewAsync(Report report, bool withRatingComment, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var category = await db.Categories.AsNoTracking().Where(c => c.Code == report.CategoryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        string? Agency(string? agencyCode) => agencyCode is null ? null : agencies.GetValueOrDefault(agencyCode, agencyCode);
        var view = new PublicReport(
            report.TrackingCode.ToString(), report.Type, report.Title, report.Description, report.IncidentDate, report.Location,
            report.CategoryCode, category, report.ResponsibleAgencyCode, Agency(report.ResponsibleAgencyCode),
            report.PublicReporterName ?? text["Report.Anonymous"], report.IsAnonymous, report.IsConfidential, report.Stage, report.Status,
            report.SubmittedAt, report.ClosedAt, report.Rating?.Stars, withRatingComment ? report.Rating?.Comment : null,
            report.Timeline.OrderBy(t => t.Seq).Select(t => new PublicTimelineEntry(t.When, t.Kind, t.PublicText, Agency(t.AgencyCode), t.Text)).ToList(),
            report.Attachments.Select(a => new PublicAttachment(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToList());
        return view with { Point = MapPoint.From(report.Latitude, report.Longitude) };
    }
}
