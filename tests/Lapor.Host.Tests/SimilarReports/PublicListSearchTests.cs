using Lapor.Host.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>
/// The public list's search (<c>/Laporan?q=</c>, <c>/api/reports?q=</c>) through each provider's full-text index:
/// every typed word must be a word, or the start of one, of the title, description or location; confidential reports
/// stay out; newest first.
/// </summary>
public abstract class PublicListSearchTests<THost>(THost host) where THost : SearchHost
{
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

    private async Task<List<string>> SearchAsync(string words)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<ReportQueries>().PublicListAsync(new ReportFilter(Search: words, PageSize: 50));
        return page.Items.Select(r => r.TrackingCode).ToList();
    }
}

public sealed class PublicListSearchOnSqliteTests(SearchHost.OnSqlite host)
    : PublicListSearchTests<SearchHost.OnSqlite>(host), IClassFixture<SearchHost.OnSqlite>;

public sealed class PublicListSearchOnPostgresTests(SearchHost.OnPostgresql host)
    : PublicListSearchTests<SearchHost.OnPostgresql>(host), IClassFixture<SearchHost.OnPostgresql>;
