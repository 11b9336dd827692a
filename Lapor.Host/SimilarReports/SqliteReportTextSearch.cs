using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// FTS5 table <c>report_search</c> (tokenizer <c>unicode61 remove_diacritics 2</c>), kept in step with the public
/// reports by triggers (the <c>PublicReportsOnlyInSearch</c> migration's): a confidential report's words are not in it. Every word is a prefix ("rusak" also finds "rusaknya"), any
/// word may match, and bm25 ranks: a word in the title counts ten times one in the description, three times one in the
/// location.
/// </summary>
public sealed class SqliteReportTextSearch(LaporDb db) : IReportTextSearch
{
    public async Task<IReadOnlyList<Guid>> FindAsync(SimilarQuery query, CancellationToken ct)
    {
        if (query.Terms.Count == 0)
            return [];
        // Terms are letters and digits only (SearchTerms), so quoting them is all FTS5 syntax needs.
        var match = string.Join(" OR ", query.Terms.Select(t => $"\"{t}\"*"));
        var where = new SqlConditions(match);
        if (query.CategoryCode is { } category)
            where.Add("r.\"CategoryCode\" = {0}", category);
        if (query.Area is { } area)
        {
            where.Add("r.\"Latitude\" BETWEEN {0} AND {1}", area.MinLatitude, area.MaxLatitude);
            where.Add("r.\"Longitude\" BETWEEN {0} AND {1}", area.MinLongitude, area.MaxLongitude);
        }
        var sql = $"""
            SELECT r."Id" AS "Value"
            FROM report_search JOIN report AS r ON r."Id" = report_search.report_id
            WHERE report_search MATCH {"{0}"} AND r."IsConfidential" = 0 AND r."Status" <> 'Closed' AND r."DuplicateOfId" IS NULL AND {where.Sql}
            ORDER BY bm25(report_search, 0.0, 10.0, 1.0, 3.0), r."SubmittedAt" DESC
            LIMIT {query.Limit + 1}
            """;
        var ids = await db.Database.SqlQueryRaw<Guid>(sql, where.Values).ToListAsync(ct);
        return ids.Where(id => id != query.Exclude).Take(query.Limit).ToList();
    }

    public bool PublicOnly => true;

    // Terms are letters and digits only (SearchTerms), so quoting them is all FTS5 syntax needs.
    public IQueryable<Guid> MatchingAll(IReadOnlyList<string> terms) =>
        db.Database.SqlQueryRaw<Guid>("SELECT report_id AS \"Value\" FROM report_search WHERE report_search MATCH {0}",
            string.Join(" AND ", terms.Select(t => $"\"{t}\"*")));

    // The index's row ids grow as reports are stored (the insert trigger; an edit stores the text again, later), and
    // FTS5 reads a match's rows in descending row id without sorting.
    public IQueryable<Guid> NewestMatching(IReadOnlyList<string> terms, int limit) =>
        db.Database.SqlQueryRaw<Guid>("SELECT report_id AS \"Value\" FROM report_search WHERE report_search MATCH {0} ORDER BY rowid DESC LIMIT {1}",
            string.Join(" AND ", terms.Select(t => $"\"{t}\"*")), limit);

    // FTS5 keeps the words in a table of its own: a row cannot be tested for them without a join.
    public IQueryable<Report>? ReportsMatchingAll(IReadOnlyList<string> terms, int? amongNewest = null) => null;
}
