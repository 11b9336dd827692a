using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <summary>
    /// The search index holds public reports only. Everything that reads it (the public list and its map, similar
    /// reports) wanted public reports anyway, and looked each match up in the report table to leave the confidential ones
    /// out: at a million reports, 1,000 look-ups to count a common word's matches. A confidential report's words are
    /// now not in the index at all, and a report made confidential later leaves it.
    /// </summary>
    public partial class PublicReportsOnlyInSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            CreateSearchTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                DELETE FROM report_search WHERE report_id IN (SELECT "Id" FROM report WHERE "IsConfidential");
                """);
        }

        /// <summary>
        /// The triggers that keep <c>report_search</c> in step with the public reports (the table itself is
        /// <see cref="CompactTimelineAndSearch.CreateSearchIndex"/>'s). A later migration that makes SQLite rebuild
        /// <c>report</c> drops them with it and must call this again.
        /// </summary>
        internal static void CreateSearchTriggers(MigrationBuilder migrationBuilder)
        {
            DropSearchTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_insert AFTER INSERT ON report WHEN NOT new."IsConfidential" BEGIN
                    INSERT INTO report_search (report_id, title, description, location)
                    VALUES (new."Id", new."Title", new."Description", coalesce(new."Location", ''));
                END;
                """);
            // Confidentiality is one of the columns: a report made confidential leaves the index, and one made public
            // again comes back.
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_update AFTER UPDATE OF "Title", "Description", "Location", "IsConfidential" ON report BEGIN
                    DELETE FROM report_search WHERE report_id = old."Id";
                    INSERT INTO report_search (report_id, title, description, location)
                    SELECT new."Id", new."Title", new."Description", coalesce(new."Location", '') WHERE NOT new."IsConfidential";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER report_search_delete AFTER DELETE ON report BEGIN
                    DELETE FROM report_search WHERE report_id = old."Id";
                END;
                """);
        }

        private static void DropSearchTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS report_search_delete;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to every report in the index: the previous release's triggers, and the confidential reports' texts.
            DropSearchTriggers(migrationBuilder);
            CompactTimelineAndSearch.CreateEveryReportTriggers(migrationBuilder);
            migrationBuilder.Sql("""
                INSERT INTO report_search (report_id, title, description, location)
                SELECT "Id", "Title", "Description", coalesce("Location", '') FROM report WHERE "IsConfidential";
                """);
        }
    }
}
