using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimilarReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DuplicateOfId",
                table: "report",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_DuplicateOfId",
                table: "report",
                column: "DuplicateOfId");

            // Full-text index of every report, the existing ones included (decision 022). An FTS5 table of its own
            // keyed by the report's id: the report table has no INTEGER PRIMARY KEY whose rowid VACUUM would keep.
            // Triggers keep it in step whatever writes a report. A later migration that makes SQLite rebuild the report
            // table drops these triggers with it and must create them again (SimilarReportsSearchTests catch it).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE report_search USING fts5(
                    report_id UNINDEXED, title, description, location,
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
            // Report texts do not change after submission today; the triggers still cover it, and a delete.
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
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS report_search;");

            migrationBuilder.DropIndex(
                name: "IX_report_DuplicateOfId",
                table: "report");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "report");
        }
    }
}
