using Lapor.Domain.Reports;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// The database's own full-text search over report title, description and location (decision 022): FTS5 on SQLite,
/// a tsvector with a GIN index on PostgreSQL. Returns only reports anyone may read that are still being handled:
/// never confidential, never closed, never a report already joined to another as a duplicate.
/// </summary>
public interface IReportTextSearch
{
    /// <summary>Report ids, best match first.</summary>
    Task<IReadOnlyList<Guid>> FindAsync(SimilarQuery query, CancellationToken ct);

    /// <summary>
    /// Ids of the reports (any status; confidential ones too unless <see cref="PublicOnly"/>, so the caller filters)
    /// whose title, description or location has every term as a word or word prefix: the public list's search. A query
    /// to compose into LINQ, not a list.
    /// </summary>
    IQueryable<Guid> MatchingAll(IReadOnlyList<string> terms);

    /// <summary>
    /// The index holds public reports only (SQLite's FTS5 table): its matches can be counted without looking each up
    /// to leave the confidential ones out.
    /// </summary>
    bool PublicOnly { get; }

    /// <summary>
    /// The same matches, at most <paramref name="limit"/> of them, those stored most recently first: where a search
    /// matches many reports, the newest page is among them, and reading them costs the limit, not the matches.
    /// </summary>
    IQueryable<Guid> NewestMatching(IReadOnlyList<string> terms, int limit);

    /// <summary>
    /// The same matches as report rows to filter, sort and count further, where the database tests a row for the words
    /// as it reads the row (PostgreSQL's column beside the report): its planner can then walk the submission index and
    /// stop at a page, with every filter on the same row. With <paramref name="amongNewest"/>, only matches among that
    /// many most recently submitted reports, read newest first and no further, whatever the planner guesses of the
    /// words. Null where the words live apart from the rows (SQLite's FTS5 table), which a caller reaches through
    /// <see cref="MatchingAll"/>.
    /// </summary>
    IQueryable<Report>? ReportsMatchingAll(IReadOnlyList<string> terms, int? amongNewest = null);
}
