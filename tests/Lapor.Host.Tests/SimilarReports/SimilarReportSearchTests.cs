using System.Net;
using System.Text.Json;
using Lapor.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>
/// The similar-report search through <c>/api/reports/similar</c> on each provider's own full-text index, on a database
/// that release 1 made: what it finds, what it never shows, how it narrows and ranks.
/// </summary>
public abstract class SimilarReportSearchTests<THost>(THost host) where THost : SearchHost
{
    protected THost Host => host;

    [Fact]
    public async Task ReportsFiledBeforeTheUpgrade_AreFound()
    {
        var existing = await host.InScopeAsync(db => db.Reports.AsNoTracking()
            .Where(r => !r.IsConfidential && r.Status == ReportStatus.Open && r.SubmittedAt < host.CreatedAt)
            .OrderBy(r => r.TrackingCode).Select(r => new { r.TrackingCode, r.Title, r.CategoryCode }).ToListAsync());
        Assert.NotEmpty(existing);
        foreach (var report in existing)
        {
            var found = await host.SimilarAsync($"title={Uri.EscapeDataString(report.Title)}&category={report.CategoryCode}");
            Assert.Contains(report.TrackingCode.ToString(), found);
        }

        var confidential = await host.InScopeAsync(db => db.Reports.AsNoTracking().Where(r => r.IsConfidential && r.SubmittedAt < host.CreatedAt)
            .Select(r => new { r.TrackingCode, r.Title }).ToListAsync());
        Assert.NotEmpty(confidential);
        foreach (var report in confidential)
            Assert.DoesNotContain(report.TrackingCode.ToString(), await host.SimilarAsync($"title={Uri.EscapeDataString(report.Title)}"));
    }

    [Fact]
    public async Task ANewReport_IsFoundByWordsOfItsTitle_AndByTheStartOfAWord()
    {
        var code = await host.SubmitAsync("Lampu jalan padam di Desa Pengotan", "Sudah tiga malam jalan desa gelap total.");

        Assert.Contains(code, await host.SimilarAsync("title=lampu%20padam%20pengotan"));
        Assert.Contains(code, await host.SimilarAsync("title=penerangan%20pengot"));
        Assert.DoesNotContain(code, await host.SimilarAsync("title=antrean%20puskesmas%20lama"));
    }

    [Fact]
    public async Task AReportWhoseTextChangesOrThatIsDeleted_IsFoundAsItNowIs()
    {
        var code = await host.SubmitAsync("Selokan mampet di Gang Cempaka", "Air meluap ke jalan setiap hujan deras.");
        Assert.Contains(code, await host.SimilarAsync("title=selokan%20mampet%20cempaka"));

        await host.InScopeAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE report SET \"Title\" = 'Trotoar retak di Gang Kenanga' WHERE \"TrackingCode\" = {code}"));
        Assert.DoesNotContain(code, await host.SimilarAsync("title=selokan%20mampet%20cempaka"));
        Assert.Contains(code, await host.SimilarAsync("title=trotoar%20retak%20kenanga"));

        await host.InScopeAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM report WHERE \"TrackingCode\" = {code}"));
        Assert.DoesNotContain(code, await host.SimilarAsync("title=trotoar%20retak%20kenanga"));
    }

    [Fact]
    public async Task ConfidentialClosedAndOtherCategoriesReports_AreNeverSuggested()
    {
        var open = await host.SubmitAsync("Pipa PDAM bocor di Banjar Kelodan", "Air terbuang sepanjang hari di depan balai banjar.");
        var confidential = await host.SubmitAsync("Pipa PDAM bocor di Banjar Kelodan, petugas minta uang", "Petugas meminta imbalan.", confidential: true);
        var closed = await host.SubmitAsync("Pipa PDAM bocor lagi di Banjar Kelodan", "Kebocoran kedua bulan ini.");
        await host.CloseAsync(closed);
        var otherCategory = await host.SubmitAsync("Pipa PDAM bocor di Banjar Kelodan dekat puskesmas", "Genangan di halaman puskesmas.", category: "kesehatan");

        var inRoads = await host.SimilarAsync("title=pipa%20bocor%20kelodan&category=jalan");
        Assert.Equal([open], inRoads);
        var anyCategory = await host.SimilarAsync("title=pipa%20bocor%20kelodan");
        Assert.Contains(open, anyCategory);
        Assert.Contains(otherCategory, anyCategory);
        Assert.DoesNotContain(confidential, anyCategory);
        Assert.DoesNotContain(closed, anyCategory);
    }

    [Fact]
    public async Task APoint_LimitsSuggestionsToReportsAroundIt()
    {
        var near = await host.SubmitAsync("Pohon tumbang menutup jalan Penestanan", "Pohon besar tumbang.", latitude: -8.5069, longitude: 115.2550);
        var far = await host.SubmitAsync("Pohon tumbang menutup jalan Penestanan Kelod", "Pohon lain tumbang.", latitude: -8.6705, longitude: 115.2126);
        var nowhere = await host.SubmitAsync("Pohon tumbang di Penestanan", "Tanpa titik lokasi.");

        Assert.Equal([near], await host.SimilarAsync("title=pohon%20tumbang%20penestanan&lat=-8.5100&lon=115.2580"));
        var everywhere = await host.SimilarAsync("title=pohon%20tumbang%20penestanan");
        Assert.Equal(new[] { near, far, nowhere }.Order(), everywhere.Order());
    }

    [Fact]
    public async Task WordsInTheTitle_RankAboveWordsOnlyInTheDescription()
    {
        var inDescription = await host.SubmitAsync("Genangan air di perempatan", "Genangan muncul setiap hujan karena got Sanggulan tersumbat.");
        var inTitle = await host.SubmitAsync("Got Sanggulan tersumbat", "Air meluap ke jalan setiap hujan deras.");

        var found = await host.SimilarAsync("title=got%20sanggulan%20tersumbat");
        Assert.Equal(inTitle, found[0]);
        Assert.Contains(inDescription, found);
    }

    [Fact]
    public async Task QuerySyntaxTypedIntoATitle_IsOnlyText()
    {
        var code = await host.SubmitAsync("Jembatan Tukad Yeh Penet retak", "Retakan di sisi timur jembatan.");

        var found = await host.SimilarAsync("title=" + Uri.EscapeDataString("jembatan\" OR * NEAR( penet:* & !| -retak ' ) \"\""));

        Assert.Contains(code, found);
    }

    [Fact]
    public async Task AShortTitle_SuggestsNothing_AndAnOverlongOneIsRefusedByItsField()
    {
        await host.SubmitAsync("Ubin trotoar Sesetan pecah", "Ubin pecah di banyak titik.");
        Assert.Empty(await host.SimilarAsync("title=ubi"));
        Assert.Empty(await host.SimilarAsync("title="));

        using var client = host.CreateClient();
        using var response = await client.GetAsync("/api/reports/similar?title=" + new string('a', ReportDraft.TitleMaxLength + 1));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("150", problem.GetProperty("errors").GetProperty("title")[0].GetString());
    }
}

public sealed class SimilarReportSearchOnSqliteTests(SearchHost.OnSqlite host)
    : SimilarReportSearchTests<SearchHost.OnSqlite>(host), IClassFixture<SearchHost.OnSqlite>
{
    [Fact]
    public async Task LettersWithDiacritics_MatchTheirPlainForm()
    {
        var code = await Host.SubmitAsync("Kabel listrik menjuntai di Desa Bédulu", "Kabel rendah sekali.");
        Assert.Contains(code, await Host.SimilarAsync("title=kabel%20bedulu"));
    }

    [Fact]
    public async Task TheIndex_KeepsNoSecondCopyOfTheTexts()
    {
        await Host.SubmitAsync("Jembatan bambu lapuk di Banjar Tegal", "Papan jembatan sudah patah dua.");

        // Contentless FTS5 (decision 030): the words are indexed, the texts themselves live only in report.
        var copies = await Host.InScopeAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM report_search WHERE title IS NOT NULL OR description IS NOT NULL").SingleAsync());
        Assert.Equal(0, copies);
        var indexed = await Host.InScopeAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM report_search").SingleAsync());
        // One entry per public report: a confidential one is not indexed at all.
        Assert.Equal(await Host.InScopeAsync(db => db.Reports.LongCountAsync(r => !r.IsConfidential)), indexed);
        Assert.True(await Host.InScopeAsync(db => db.Reports.AnyAsync(r => r.IsConfidential)), "The demo data should hold a confidential report.");
    }
}

public sealed class SimilarReportSearchOnPostgresTests(SearchHost.OnPostgresql host)
    : SimilarReportSearchTests<SearchHost.OnPostgresql>(host), IClassFixture<SearchHost.OnPostgresql>;
