using Lapor.Host.Data;
using Lapor.Host.Tests.Support;
using Lapor.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// The <c>CompactTimelineAndSearch</c> migration on a database whose timeline holds whole sentences, as every release
/// before decision 030 wrote them, on both providers: each step still reads the same, in its order, only what people
/// wrote and the steps' values stay stored, and migrating back writes the sentences out again.
/// </summary>
public sealed class TimelineUpgradeTests
{
    private const string ReportId = "01a24aa2-0000-7000-8000-000000000001";

    private static readonly string[] Steps =
    [
        "Submitted Laporan diterima.",
        "Disposed Laporan didisposisikan kepada instansi yang berwenang.",
        "PublicResponse Tali sudah diganti.",
        "AwaitingConfirmation Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.",
        "Closed Laporan ditutup.",
        "Rated Pelapor memberi penilaian 4 dari 5.",
    ];

    [Fact]
    public async Task OnSqlite_StepsWrittenAsSentences_ReadTheSame_AndTheSystemsSentencesAreNoLongerStored()
    {
        var folder = LaporHostFactory.NewDataDirectory();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            LaporSqliteDb Open() => new(new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite($"Data Source={file}").Options);
            await UpgradeAndBackAsync(Open, async db =>
            {
                var found = await db.Database.SqlQueryRaw<string>("SELECT report_id AS \"Value\" FROM report_search WHERE report_search MATCH 'songan'").ToListAsync();
                Assert.Equal([ReportId], found.Select(f => f.ToLowerInvariant()));
                // Clustered on (ReportId, Seq), without a separate ReportId index.
                var table = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'report_timeline'").SingleAsync();
                Assert.EndsWith("WITHOUT ROWID", table.TrimEnd());
                Assert.Equal(0, await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'report_timeline' AND sql IS NOT NULL").SingleAsync());
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    [Fact]
    public async Task OnPostgres_StepsWrittenAsSentences_ReadTheSame_AndTheSystemsSentencesAreNoLongerStored()
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        var connection = await server.NewDatabaseAsync();
        LaporPostgresDb Open() => new(new DbContextOptionsBuilder<LaporPostgresDb>().UseNpgsql(connection).Options);
        await UpgradeAndBackAsync(Open, _ => Task.CompletedTask);
    }

    private static async Task UpgradeAndBackAsync<TDb>(Func<TDb> open, Func<TDb, Task> checkLayout) where TDb : LaporDb
    {
        string before;
        await using (var db = open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            before = migrations[migrations.FindIndex(m => m.EndsWith("_CompactTimelineAndSearch", StringComparison.Ordinal)) - 1];
            await db.Database.MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO report ("Id", "TrackingCode", "Type", "Title", "Description", "CategoryCode", "IsAnonymous", "IsConfidential",
                    "reporter_name", "SubmittedAt", "Stage", "Status")
                VALUES ('{ReportId}', 'LPR-AAAA-BBBB-CC', 'Complaint', 'Jembatan gantung di Desa Songan goyah', 'Tali baja berkarat.', 'jalan', false, false,
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

        await using (var db = open())
        {
            var report = await db.Reports.AsNoTracking().SingleAsync();
            var timeline = report.Timeline.OrderBy(t => t.Seq).ToList();
            Assert.Equal(Steps, timeline.Select(t => $"{t.Kind} {t.PublicText}"));
            Assert.Equal([0, 1, 2, 3, 4, 5], timeline.Select(t => t.Seq));
            Assert.Equal([null, null, "Tali sudah diganti.", null, null, "4"], timeline.Select(t => t.Text));
            await checkLayout(db);

            await db.Database.MigrateAsync(before);
            var restored = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Kind\" || ' ' || \"PublicText\" AS \"Value\" FROM report_timeline ORDER BY \"Id\"").ToListAsync();
            Assert.Equal(Steps, restored);
        }
    }
}
