using System.Data.Common;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>
/// The public list's search (<c>/Laporan?q=</c>, <c>/api/reports?q=</c>) through each provider's full-text index:
/// every typed word must be a word, or the start of one, of the title, description or location; confidential reports
/// stay out; newest first.
/// </summary>
public abstract class PublicListSearchTests<THost>(THost host) where THost : SearchHost
{
    protected THost Host => host;

    [Fact]
    public async Task Search_FindsReportsWithEveryWord_AsWordsOrTheirBeginnings()
    {
        var pothole = await host.SubmitAsync("Jalan berlubang dekat Pasar Kumbasari", "Lubang besar di lajur kiri.", location: "Denpasar");
        var drain = await host.SubmitAsync("Got tersumbat di Kumbasari", "Air meluap ke jalan setiap hujan.", location: "Gianyar");
        await host.SubmitAsync("Pungutan di pasar Kumbasari", "Petugas meminta uang tambahan.", confidential: true, location: "Denpasar");

        Assert.Equal([pothole], await SearchAsync("berlub kumbasari"));
        Assert.Equal([drain, pothole], await SearchAsync("KUMBASARI jalan"));
        Assert.Equal([drain], await SearchAsync("kumbasari gianyar"));
        Assert.Empty(await SearchAsync("kumbasari pungutan"));
        Assert.Empty(await SearchAsync("kumbasari lubangnya"));
    }

    /// <summary>
    /// A search the index matches in more than <see cref="ReportQueries.FewMatches"/> reports counts up to
    /// <see cref="ReportQueries.SearchCountLimit"/> and then says "more than"; its page is the newest match, and a filter
    /// that only an early match passes still finds it (the most recently stored matches hold none that pass).
    /// The copies go in by SQL, cloning a submitted report's row, since thousands of intakes would take minutes; they
    /// are stored, as every report is, in the order they were submitted.
    /// </summary>
    [Fact]
    public async Task ASearchWithManyMatches_CountsToItsLimit_ListsTheNewest_AndFindsAnEarlyOneByItsFilter()
    {
        var early = await host.SubmitAsync("Lampu jalan padam di Sanglahkarang", "Gelap sejak minggu lalu.", category: "kesehatan", location: "Denpasar");
        await CopyAsync(early, ReportQueries.FewMatches + 500, "many", "-0 seconds", ("CategoryCode", "'jalan'"));
        var newest = await host.SubmitAsync("Lampu jalan padam lagi di Sanglahkarang", "Masih gelap.", location: "Denpasar");

        var page = await PageAsync(new ReportFilter(Search: "sanglahkarang padam", PageSize: 1));
        Assert.Equal(ReportQueries.SearchCountLimit, page.Total);
        Assert.True(page.MoreThanTotal);
        Assert.Equal(newest, Assert.Single(page.Items).TrackingCode);

        var health = await PageAsync(new ReportFilter(Search: "sanglahkarang padam", CategoryCode: "kesehatan", PageSize: 10));
        Assert.Equal([early], health.Items.Select(r => r.TrackingCode));
        Assert.Equal(1, health.Total);
        Assert.False(health.MoreThanTotal);
    }

    /// <summary>
    /// Fewer matches than <see cref="ReportQueries.FewMatches"/> but more than <see cref="ReportQueries.SearchCountLimit"/>:
    /// read from the index side, and still counted to the same limit as a search with many matches.
    /// </summary>
    [Fact]
    public async Task ASearchWithSomeHundredsOverTheLimit_SaysThereAreMore_AsOneWithMany()
    {
        var original = await host.SubmitAsync("Saluran mampet di Pejeng Kawan", "Bau tidak sedap.", location: "Gianyar");
        await CopyAsync(original, ReportQueries.SearchCountLimit + 199, "some", "-1 day");

        var page = await PageAsync(new ReportFilter(Search: "pejeng kawan", PageSize: 1));
        Assert.Equal(ReportQueries.SearchCountLimit, page.Total);
        Assert.True(page.MoreThanTotal);
        Assert.Equal(original, Assert.Single(page.Items).TrackingCode);
    }

    /// <summary>
    /// The list without a search counts up to <see cref="ReportQueries.CountLimit"/>: exactly that many are counted as
    /// they are, one more says "more than" with the limit as the total (the page's "Lebih dari 10.000").
    /// </summary>
    [Fact]
    public async Task TheList_CountsToItsLimit_ThenSaysThereAreMore()
    {
        var original = await host.SubmitAsync("Trotoar retak di Tonjaklodtunduh", "Berbahaya bagi pejalan kaki.", location: "Gianyar");
        // Copies in 2001, when no other report was submitted: the date filter selects exactly them.
        await CopyAsync(original, ReportQueries.CountLimit, "old", "2001-06-01");
        var in2001 = new ReportFilter(From: new DateOnly(2001, 1, 1), To: new DateOnly(2001, 12, 31), PageSize: 1);

        var exactly = await PageAsync(in2001);
        Assert.Equal(ReportQueries.CountLimit, exactly.Total);
        Assert.False(exactly.MoreThanTotal);

        await CopyAsync(original, 1, "one-more", "2001-06-02");
        var more = await PageAsync(in2001);
        Assert.Equal(ReportQueries.CountLimit, more.Total);
        Assert.True(more.MoreThanTotal);

        using var client = host.CreateClient();
        Assert.Contains("Lebih dari 10.000", await client.GetStringAsync("/Laporan?dari=2001-01-01&sampai=2001-12-31"));
    }

    protected async Task<ReportPage<ReportSummary>> PageAsync(ReportFilter filter)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportQueries>().PublicListAsync(filter);
    }

    /// <summary>
    /// <paramref name="count"/> copies of a report's row, each with its own id, tracking code and notice token, submitted
    /// at <paramref name="when"/> (a date, or a shift of the original's time such as "-1 day"), with the
    /// <paramref name="others"/> columns set to SQL values; every other column (the text the index reads included) as
    /// the original has it.
    /// </summary>
    protected async Task CopyAsync(string code, int count, string batch, string when, params (string Column, string Sql)[] others)
    {
        await host.InScopeAsync(async db =>
        {
            var table = db.Model.GetRelationalModel().FindTable("report", null) ?? throw new InvalidOperationException("No report table.");
            var columns = table.Columns.Select(c => c.Name).ToList();
            var shifted = when.StartsWith('-');
            var submitted = (shifted, host.OnPostgres) switch
            {
                (true, true) => $"\"SubmittedAt\" - interval '{when[1..]}'",
                (true, false) => $"datetime(\"SubmittedAt\", '{when}')",
                (false, true) => $"timestamptz '{when} 08:00:00+00'",
                (false, false) => $"'{when} 08:00:00'",
            };
            string Value(string column) => column switch
            {
                "Id" => "@id",
                "TrackingCode" => "@code",
                "NoticeToken" => "@token",
                "SubmittedAt" => submitted,
                _ => others.Where(o => o.Column == column).Select(o => o.Sql).FirstOrDefault() ?? $"\"{column}\"",
            };
            var template = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.Id).SingleAsync();
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = $"INSERT INTO report ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"SELECT {string.Join(", ", columns.Select(Value))} FROM report WHERE \"Id\" = @template";
            var id = Parameter(insert, "@id");
            var tracking = Parameter(insert, "@code");
            var token = Parameter(insert, "@token");
            Parameter(insert, "@template").Value = Key(template);
            for (var i = 0; i < count; i++)
            {
                id.Value = Key(Guid.NewGuid());
                tracking.Value = TrackingCode.New().ToString();
                token.Value = $"copy-{batch}-{i}";
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            return true;
        });
    }

    // As each provider stores a Guid: uuid on PostgreSQL, upper-case text on SQLite.
    private object Key(Guid id) => host.OnPostgres ? id : id.ToString().ToUpperInvariant();

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private async Task<List<string>> SearchAsync(string words)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ReportQueries>().PublicListAsync(new ReportFilter(Search: words, PageSize: 50));
        return page.Items.Select(r => r.TrackingCode).ToList();
    }
}

public sealed class PublicListSearchOnSqliteTests(SearchHost.OnSqlite host)
    : PublicListSearchTests<SearchHost.OnSqlite>(host), IClassFixture<SearchHost.OnSqlite>
{
    /// <summary>
    /// SQLite's index holds public reports only: a confidential report's words never enter it, a report made
    /// confidential later leaves it, and one made public again comes back.
    /// </summary>
    [Fact]
    public async Task AConfidentialReport_IsNotInTheSearchIndex_AndLeavesItWhenMadeConfidential()
    {
        var open = await Host.SubmitAsync("Tiang listrik miring di Banjarbuitan", "Hampir roboh.", location: "Tabanan");
        var secret = await Host.SubmitAsync("Pungli di kantor Banjarbuitan", "Diminta uang.", confidential: true, location: "Tabanan");
        Assert.Equal([await IdOfAsync(open)], await IndexedAsync("banjarbuitan"));

        await SetConfidentialAsync(open, true);
        Assert.Empty(await IndexedAsync("banjarbuitan"));
        Assert.Empty((await PageAsync(new ReportFilter(Search: "banjarbuitan"))).Items);

        await SetConfidentialAsync(open, false);
        Assert.Equal([await IdOfAsync(open)], await IndexedAsync("banjarbuitan"));
        Assert.DoesNotContain(await IdOfAsync(secret), await IndexedAsync("banjarbuitan"));
    }

    /// <summary>
    /// A word in more than <see cref="ReportQueries.FewMatches"/> reports, without filters: over an index of public
    /// reports only, those matches are already more than the count's limit, so no statement looks them up to count
    /// them; the page is still the newest match.
    /// </summary>
    [Fact]
    public async Task ACommonWordWithoutFilters_IsCountedFromTheIndexAlone()
    {
        var original = await Host.SubmitAsync("Got mampet di Sembungmeranti", "Air tergenang.", location: "Tabanan");
        await CopyAsync(original, ReportQueries.FewMatches + 10, "unfiltered", "-1 day");
        var newest = await Host.SubmitAsync("Got mampet lagi di Sembungmeranti", "Masih tergenang.", location: "Tabanan");

        ReportPage<ReportSummary>? page = null;
        var sent = await StatementsSent.RecordAsync(async () => page = await PageAsync(new ReportFilter(Search: "sembungmeranti mampet", PageSize: 1)));
        Assert.Equal(newest, Assert.Single(page!.Items).TrackingCode);
        Assert.Equal(ReportQueries.SearchCountLimit, page.Total);
        Assert.True(page.MoreThanTotal);
        // The matches are counted in the index alone (up to 2,001), never by looking them up in the report table.
        Assert.Contains(sent, sql => sql.Contains("report_search") && sql.Contains("COUNT(*)"));
        Assert.DoesNotContain(sent, sql => sql.Contains("COUNT(*)") && sql.Contains("FROM \"report\""));
    }

    /// <summary>
    /// A filter that none of the 100 most recently stored matches passes: the page comes from the wider window, sorted by
    /// date within it (the newer health reports were stored before the older ones), and never from a walk over every
    /// match; its count is of the matches that pass.
    /// </summary>
    [Fact]
    public async Task AFilterTheNewestMatchesFail_IsPagedFromTheWiderWindow()
    {
        var original = await Host.SubmitAsync("Saluran jebol di Kediriwetan", "Banjir kecil.", location: "Tabanan");
        await CopyAsync(original, ReportQueries.FewMatches, "wide-old", "-4 day");
        await CopyAsync(original, 20, "wide-health-newer", "-2 day", ("CategoryCode", "'kesehatan'"), ("Title", "'Saluran jebol lagi di Kediriwetan'"));
        await CopyAsync(original, 10, "wide-health-older", "-3 day", ("CategoryCode", "'kesehatan'"));
        await CopyAsync(original, 150, "wide-new", "-1 day");

        ReportPage<ReportSummary>? health = null;
        var sent = await StatementsSent.RecordAsync(async () =>
            health = await PageAsync(new ReportFilter(Search: "kediriwetan saluran", CategoryCode: "kesehatan", PageSize: 20)));
        Assert.Equal(30, health!.Total);
        Assert.False(health.MoreThanTotal);
        Assert.Equal(20, health.Items.Count);
        Assert.All(health.Items, r => Assert.Equal(("kesehatan", "Saluran jebol lagi di Kediriwetan"), (r.CategoryCode, r.Title)));
        // Every read of the index is a count or a window of the most recently stored matches.
        Assert.All(sent.Where(sql => sql.Contains("report_search")), sql => Assert.True(sql.Contains("COUNT(*)") || sql.Contains("ORDER BY rowid DESC LIMIT"), sql));
    }

    private Task<Guid> IdOfAsync(string code) =>
        Host.InScopeAsync(db => db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.Id).SingleAsync());

    private Task<List<Guid>> IndexedAsync(string word) =>
        Host.InScopeAsync(db => db.Database.SqlQueryRaw<Guid>("SELECT report_id AS \"Value\" FROM report_search WHERE report_search MATCH {0}", word).ToListAsync());

    private Task SetConfidentialAsync(string code, bool confidential) =>
        Host.InScopeAsync(async db =>
        {
            var id = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.Id).SingleAsync();
            // As SQLite stores a Guid: upper-case text.
            var changed = await db.Database.ExecuteSqlRawAsync("UPDATE report SET \"IsConfidential\" = {0} WHERE \"Id\" = {1}", confidential, id.ToString().ToUpperInvariant());
            return changed == 1 ? changed : throw new InvalidOperationException($"{changed} reports changed.");
        });
}

public sealed class PublicListSearchOnPostgresTests(SearchHost.OnPostgresql host)
    : PublicListSearchTests<SearchHost.OnPostgresql>(host), IClassFixture<SearchHost.OnPostgresql>
{
    /// <summary>
    /// On PostgreSQL a word common among the newest reports is counted and paged from the newest
    /// <see cref="ReportQueries.RecentReports"/> alone, tested on the rows as they are read: two statements, both bounded
    /// by that window, none handing the word's index a list of every match (40–80 ms for a common word at a million).
    /// A rare word goes on to the index.
    /// </summary>
    [Fact]
    public async Task ACommonWord_IsCountedAndPagedFromTheNewestReportsAlone_ARareOneGoesToTheIndex()
    {
        var original = await Host.SubmitAsync("Kabel listrik putus di Tegalcangkring", "Berbahaya.", location: "Jembrana");
        var newest = await Host.SubmitAsync("Kabel listrik putus lagi di Tegalcangkring", "Masih berbahaya.", location: "Jembrana");
        await CopyAsync(original, ReportQueries.SearchCountLimit + 10, "common", "-1 day");

        ReportPage<ReportSummary>? page = null;
        var common = await StatementsSent.RecordAsync(async () => page = await PageAsync(new ReportFilter(Search: "tegalcangkring kabel", PageSize: 1)));
        Assert.Equal(newest, Assert.Single(page!.Items).TrackingCode);
        Assert.True(page.MoreThanTotal);
        var searching = common.Where(sql => sql.Contains("search_vector")).ToList();
        Assert.Equal(2, searching.Count);
        Assert.All(searching, sql => Assert.Contains("ORDER BY \"SubmittedAt\" DESC LIMIT", sql));

        var rare = await StatementsSent.RecordAsync(async () => page = await PageAsync(new ReportFilter(Search: "tegalcangkring lagi", PageSize: 5)));
        Assert.Equal([newest], page!.Items.Select(r => r.TrackingCode));
        Assert.Contains(rare, sql => sql.Contains("search_vector") && !sql.Contains("ORDER BY \"SubmittedAt\" DESC LIMIT"));
    }
}
