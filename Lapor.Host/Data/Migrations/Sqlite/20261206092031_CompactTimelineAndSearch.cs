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
        /// A later migration that makes SQLite rebuild report drops the triggers with it and must call this again.
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
            migrationBuilder.DropPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "report_timeline");

            migrationBuilder.RenameColumn(
                name: "Seq",
                table: "report_timeline",
                newName: "Id");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "report_timeline",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "PublicText",
                table: "report_timeline",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_report_timeline_ReportId",
                table: "report_timeline",
                column: "ReportId");
        }
    }
}
