using Lapor.Host.Data;
using Lapor.Host.Tests.Support;
using Lapor.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// The <c>CompactTimelineAndSearch</c> migration on a SQLite database whose timeline holds whole sentences, as every
/// release before decision 030 wrote them: each step still reads the same, in its order, and the search still finds
/// the reports.
/// </summary>
public sealed class TimelineUpgradeTests
{
    private const string ReportId = "01a24aa2-0000-7000-8000-000000000001";

    [Fact]
    public async Task StepsWrittenAsSentences_ReadTheSameAfterTheUpgrade_AndTheSystemsOnesAreNoLongerStored()
    {
        var folder = LaporHostFactory.NewDataDirectory();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            await using (var db = Sqlite(file))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_CompactTimelineAndSearch", StringComparison.Ordinal)) - 1];
                await db.Database.MigrateAsync(before);
                await db.Database.ExecuteSqlRawAsync($"""
                    INSERT INTO report ("Id", "TrackingCode", "Type", "Title", "Description", "CategoryCode", "IsAnonymous", "IsConfidential",
                        "reporter_name", "SubmittedAt", "Stage", "Status")
                    VALUES ('{ReportId}', 'LPR-AAAA-BBBB-CC', 'Complaint', 'Jembatan gantung di Desa Songan goyah', 'Tali baja berkarat.', 'jalan', 0, 0,
                        'Ketut Arsa', '2026-12-01 08:00:00+00:00', 'Selesai', 'Closed');
                    INSERT INTO report_timeline ("When", "Kind", "PublicText", "Actor", "AgencyCode", "ReportId") VALUES
                        ('2026-12-01 08:00:00+00:00', 'Submitted', 'Laporan diterima.', NULL, NULL, '{ReportId}'),
                        ('2026-12-01 09:00:00+00:00', 'Disposed', 'Laporan didisposisikan kepada instansi yang berwenang.', 'koordinator', 'puprkim', '{ReportId}'),
                        ('2026-12-02 09:00:00+00:00', 'PublicResponse', 'Tali sudah diganti.', 'puprkim.petugas', NULL, '{ReportId}'),
                        ('2026-12-02 09:00:00+00:00', 'AwaitingConfirmation', 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.', NULL, NULL, '{ReportId}'),
                        ('2026-12-03 09:00:00+00:00', 'Closed', 'Laporan ditutup.', NULL, NULL, '{ReportId}'),
                        ('2026-12-03 10:00:00+00:00', 'Rated', 'Pelapor memberi penilaian 4 dari 5.', NULL, NULL, '{ReportId}');
                    """);
                await db.Database.MigrateAsync();
            }

            await using (var db = Sqlite(file))
            {
                var report = await db.Reports.AsNoTracking().SingleAsync();
                Assert.Equal(
                [
                    "Submitted Laporan diterima.",
                    "Disposed Laporan didisposisikan kepada instansi yang berwenang.",
                    "PublicResponse Tali sudah diganti.",
                    "AwaitingConfirmation Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.",
                    "Closed Laporan ditutup.",
                    "Rated Pelapor memberi penilaian 4 dari 5.",
                ], report.Timeline.OrderBy(t => t.Seq).Select(t => $"{t.Kind} {t.PublicText}"));
                Assert.Equal([0, 1, 2, 3, 4, 5], report.Timeline.Select(t => t.Seq).Order());
                Assert.Equal([null, null, "Tali sudah diganti.", null, null, "4"], report.Timeline.OrderBy(t => t.Seq).Select(t => t.Text));

                var found = await db.Database.SqlQueryRaw<string>(
                    "SELECT report_id AS \"Value\" FROM report_search WHERE report_search MATCH 'songan'").ToListAsync();
                Assert.Equal([ReportId.ToUpperInvariant()], found.Select(f => f.ToUpperInvariant()));

                // The new layout: clustered on (ReportId, Seq), no separate ReportId index.
                var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'report_timeline'").SingleAsync();
                Assert.EndsWith("WITHOUT ROWID", table.TrimEnd());
                Assert.Equal(0, await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'report_timeline' AND sql IS NOT NULL").SingleAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    private static LaporSqliteDb Sqlite(string file) =>
        new(new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite($"Data Source={file}").Options);
}
