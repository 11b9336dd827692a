using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompactTimelineAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The timeline again, keyed by report and place and stored in that order (WITHOUT ROWID), so the index on
            // ReportId goes; the sentences the system wrote are dropped where the kind says them (decision 030).
            // Written by hand: EF's rebuild of a table would not keep WITHOUT ROWID or number the steps.
            migrationBuilder.Sql("""
                CREATE TABLE "report_timeline_compact" (
                    "ReportId" TEXT NOT NULL,
                    "Seq" INTEGER NOT NULL,
                    "When" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "Text" TEXT NULL,
                    "Actor" TEXT NULL,
                    "AgencyCode" TEXT NULL,
                    CONSTRAINT "PK_report_timeline" PRIMARY KEY ("ReportId", "Seq"),
                    CONSTRAINT "FK_report_timeline_report_ReportId" FOREIGN KEY ("ReportId") REFERENCES "report" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "report_timeline_compact" ("ReportId", "Seq", "When", "Kind", "Text", "Actor", "AgencyCode")
                SELECT "ReportId", row_number() OVER (PARTITION BY "ReportId" ORDER BY "Id") - 1, "When", "Kind",
                    CASE
                        WHEN "Kind" = 'Submitted' AND "PublicText" = 'Laporan diterima.' THEN NULL
                        WHEN "Kind" = 'Disposed' AND "PublicText" = 'Laporan didisposisikan kepada instansi yang berwenang.' THEN NULL
                        WHEN "Kind" = 'AwaitingConfirmation' AND "PublicText" = 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.' THEN NULL
                        WHEN "Kind" = 'Closed' AND "PublicText" = 'Laporan ditutup.' THEN NULL
                        WHEN "Kind" = 'DuplicateLinked' AND "PublicText" = 'Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.' THEN NULL
                        WHEN "Kind" = 'Rated' AND "PublicText" GLOB 'Pelapor memberi penilaian [1-5] dari 5.' THEN substr("PublicText", 27, 1)
                        ELSE "PublicText"
                    END,
                    "Actor", "AgencyCode"
                FROM "report_timeline";
                """);
            migrationBuilder.Sql("""DROP TABLE "report_timeline";""");
            migrationBuilder.Sql("""ALTER TABLE "report_timeline_compact" RENAME TO "report_timeline";""");

            CreateSearchIndex(migrationBuilder);
        }

        /// <summary>
        /// The search index without its own copy of the texts (contentless; only the report id is kept, to join on),
        /// built from the reports and kept in step with them by triggers. Still keyed by report id, not by the report's
        /// rowid, which VACUUM may change (decision 022); contentless_delete lets the triggers delete by report id.
        /// Its triggers are now <see cref="PublicReportsOnlyInSearch.CreateSearchTriggers"/>'s (public reports only): a later
        /// migration that makes SQLite rebuild report drops them with it and must call that one again.
        /// </summary>
        internal static void CreateSearchIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS report_search;");
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE report_search USING fts5(
                    report_id UNINDEXED, title, description, location,
                    content = '', contentless_delete = 1, contentless_unindexed = 1,
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO report_search (report_id, title, description, location)
                SELECT "Id", "Title", "Description", coalesce("Location", '') FROM report;
                """);
            CreateEveryReportTriggers(migrationBuilder);
        }

        /// <summary>This migration's triggers, which index every report (confidential ones too).</summary>
        internal static void CreateEveryReportTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_insert AFTER INSERT ON report BEGIN
                    INSERT INTO report_search (report_id, title, description, location)
                    VALUES (new."Id", new."Title", new."Description", coalesce(new."Location", ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_update AFTER UPDATE OF "Title", "Description", "Location" ON report BEGIN
                    DELETE FROM report_search WHERE report_id = old."Id";
                    INSERT INTO report_search (report_id, title, description, location)
                    VALUES (new."Id", new."Title", new."Description", coalesce(new."Location", ''));
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_delete AFTER DELETE ON report BEGIN
                    DELETE FROM report_search WHERE report_id = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to release-1 rows: an autoincrement id in the old order and every step's sentence written out.
            migrationBuilder.Sql("""
                CREATE TABLE "report_timeline_old" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_report_timeline" PRIMARY KEY AUTOINCREMENT,
                    "When" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "PublicText" TEXT NOT NULL,
                    "Actor" TEXT NULL,
                    "AgencyCode" TEXT NULL,
                    "ReportId" TEXT NOT NULL,
                    CONSTRAINT "FK_report_timeline_report_ReportId" FOREIGN KEY ("ReportId") REFERENCES "report" ("Id") ON DELETE CASCADE
                );
                """);
            migrationBuilder.Sql("""
                INSERT INTO "report_timeline_old" ("When", "Kind", "PublicText", "Actor", "AgencyCode", "ReportId")
                SELECT "When", "Kind", CASE
                        WHEN "Text" IS NOT NULL AND "Kind" NOT IN ('Rated', 'MergedInto') THEN "Text"
                        WHEN "Kind" = 'Submitted' THEN 'Laporan diterima.'
                        WHEN "Kind" = 'Disposed' THEN 'Laporan didisposisikan kepada instansi yang berwenang.'
                        WHEN "Kind" = 'AwaitingConfirmation' THEN 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.'
                        WHEN "Kind" = 'Closed' THEN 'Laporan ditutup.'
                        WHEN "Kind" = 'DuplicateLinked' THEN 'Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.'
                        WHEN "Kind" = 'Rated' AND length("Text") = 1 THEN 'Pelapor memberi penilaian ' || "Text" || ' dari 5.'
                        WHEN "Kind" = 'MergedInto' AND "Text" LIKE 'LPR-%' THEN 'Laporan ini digabung dengan laporan ' || "Text" || ' tentang masalah yang sama. Jawaban atas laporan ' || "Text" || ' akan diteruskan kepada Anda.'
                        ELSE coalesce("Text", '')
                    END, "Actor", "AgencyCode", "ReportId"
                FROM "report_timeline" ORDER BY "ReportId", "Seq";
                """);
            migrationBuilder.Sql("""DROP TABLE "report_timeline";""");
            migrationBuilder.Sql("""ALTER TABLE "report_timeline_old" RENAME TO "report_timeline";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_report_timeline_ReportId" ON "report_timeline" ("ReportId");""");
            // The contentless search index works for the older release too; it stays.
        }
    }
}
