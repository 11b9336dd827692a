using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_DuplicateOfId",
                table: "report",
                column: "DuplicateOfId");

            // Full-text index (decision 022): a stored generated column, so PostgreSQL computes it for every existing
            // report now and for every new or changed one from then on, with a GIN index to search it. The 'simple'
            // configuration lower-cases and splits words without an (English) stemmer that would mangle Indonesian.
            migrationBuilder.Sql("""
                ALTER TABLE report ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, coalesce("Location", '')), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, coalesce("Description", '')), 'C')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_report_search_vector ON report USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_report_search_vector;");
            migrationBuilder.Sql("ALTER TABLE report DROP COLUMN IF EXISTS search_vector;");

            migrationBuilder.DropIndex(
                name: "IX_report_DuplicateOfId",
                table: "report");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "report");
        }
    }
}
