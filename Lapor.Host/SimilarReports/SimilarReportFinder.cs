using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// Open public reports like a given title (decision 022): the full-text search picks and ranks the ids, then one query
/// reads what a suggestion shows. Used by the submit page's suggestions and by the task page's likely duplicates.
/// </summary>
public sealed class SimilarReportFinder(LaporDb db, IReportTextSearch search, ProcessStages stages)
{
    /// <summary>For the citizen typing a title; nothing when the title is shorter than <see cref="SearchTerms.MinimumQueryLength"/>.</summary>
    public Task<IReadOnlyList<SimilarReport>> ForTitleAsync(string? title, string? categoryCode, double? latitude, double? longitude,
        CancellationToken ct = default) =>
        FindAsync(new SimilarQuery(SearchTerms.Of(title), Blank(categoryCode), AreaBox.Around(latitude, longitude), null, SimilarQuery.DefaultLimit), ct);

    /// <summary>For an officer: reports like <paramref name="report"/> in its category and area, itself left out.</summary>
    public Task<IReadOnlyList<SimilarReport>> LikeAsync(Report report, CancellationToken ct = default) =>
        FindAsync(new SimilarQuery(SearchTerms.Of(report.Title), report.CategoryCode, AreaBox.Around(report.Latitude, report.Longitude), report.Id,
            SimilarQuery.DefaultLimit), ct);

    private async Task<IReadOnlyList<SimilarReport>> FindAsync(SimilarQuery query, CancellationToken ct)
    {
        var ids = await search.FindAsync(query, ct);
        if (ids.Count == 0)
            return [];
        var rows = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.TrackingCode, r.Title, r.CategoryCode, r.Stage, r.SubmittedAt }).ToListAsync(ct);
        var labels = await stages.LoadAsync(ct);
        var byId = rows.ToDictionary(r => r.Id);
        // The search's order is the ranking; a report deleted in between simply drops out.
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r =>
        {
            var code = r.TrackingCode.ToString();
            return new SimilarReport(code, r.Title, r.CategoryCode, labels.Show(r.Stage), r.SubmittedAt, $"/Laporan/{Uri.EscapeDataString(code)}");
        }).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
