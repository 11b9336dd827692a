using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// The generated column <c>report.search_vector</c> (config <c>simple</c>: title weight A, location B, description C)
/// with a GIN index, both made by the <c>SimilarReports</c> migration. Every word is a prefix and any word may match,
/// as on SQLite; <c>ts_rank</c> orders, newest first among equals.
/// </summary>
public sealed class PostgresReportTextSearch(LaporDb db) : IReportTextSearch
{
    public async Task<IReadOnlyList<Guid>> FindAsync(SimilarQuery query, CancellationToken ct)
    {
        if (query.Terms.Count == 0)
            return [];
        // Terms are letters and digits only (SearchTerms), so they cannot carry tsquery operators.
        var tsquery = string.Join(" | ", query.Terms.Select(t => t + ":*"));
        var where = new SqlConditions(tsquery);
        if (query.CategoryCode is { } category)
            where.Add("r.\"CategoryCode\" = {0}", category);
        if (query.Area is { } area)
        {
            where.Add("r.\"Latitude\" BETWEEN {0} AND {1}", area.MinLatitude, area.MaxLatitude);
            where.Add("r.\"Longitude\" BETWEEN {0} AND {1}", area.MinLongitude, area.MaxLongitude);
        }
        var sql = $"""
            SELECT r."Id" AS "Value"
            FROM report AS r, to_tsquery('simple', {"{0}"}) AS q
            WHERE r.search_vector @@ q AND NOT r."IsConfidential" AND r."Status" <> 'Closed' AND r."DuplicateOfId" IS NULL AND {where.Sql}
            ORDER BY ts_rank(r.search_vector, q) DESC, r."SubmittedAt" DESC
            LIMIT {query.Limit + 1}
            """;
        var ids = await db.Database.SqlQueryRaw<Guid>(sql, where.Values).ToListAsync(ct);
        return ids.Where(id => id != query.Exclude).Take(query.Limit).ToList();
    }

    // The words are a column of every report, confidential ones too.
    public bool PublicOnly => false;

    public IQueryable<Guid> MatchingAll(IReadOnlyList<string> terms) =>
        db.Database.SqlQueryRaw<Guid>("SELECT \"Id\" AS \"Value\" FROM report WHERE search_vector @@ to_tsquery('simple', {0})", AllOf(terms));

    public IQueryable<Guid> NewestMatching(IReadOnlyList<string> terms, int limit) =>
        db.Database.SqlQueryRaw<Guid>(
            "SELECT \"Id\" AS \"Value\" FROM report WHERE search_vector @@ to_tsquery('simple', {0}) ORDER BY \"SubmittedAt\" DESC LIMIT {1}",
            AllOf(terms), limit);

    // A plain subquery over the table, which PostgreSQL folds into the query EF composes around it: the word test and
    // the caller's filters become conditions on one scan of report. PostgreSQL guesses a prefix's matches as 2 % of the
    // rows whatever the word, so for a word nobody used it may walk every report newest first looking for a page; the
    // window (a LIMIT below the word test, which the planner cannot fold away) bounds that walk.
    public IQueryable<Report>? ReportsMatchingAll(IReadOnlyList<string> terms, int? amongNewest = null) =>
        amongNewest is { } newest
            ? db.Reports.FromSqlRaw(
                "SELECT * FROM (SELECT * FROM report ORDER BY \"SubmittedAt\" DESC LIMIT {1}) AS newest WHERE search_vector @@ to_tsquery('simple', {0})",
                AllOf(terms), newest)
            : db.Reports.FromSqlRaw("SELECT * FROM report WHERE search_vector @@ to_tsquery('simple', {0})", AllOf(terms));

    // Terms are letters and digits only (SearchTerms), so they cannot carry tsquery operators.
    private static string AllOf(IReadOnlyList<string> terms) => string.Join(" & ", terms.Select(t => t + ":*"));
}
