using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompactTimelineAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The timeline keyed by report and place, so the index on ReportId goes; the sentences the system wrote are
            // dropped where the kind says them (decision 030). Search needs nothing: search_vector stores no text copy.
            migrationBuilder.AddColumn<int>(
                name: "Seq",
                table: "report_timeline",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "report_timeline",
                type: "text",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE report_timeline AS t SET "Seq" = n.seq,
                    "Text" = CASE
                        WHEN t."Kind" = 'Submitted' AND t."PublicText" = 'Laporan diterima.' THEN NULL
                        WHEN t."Kind" = 'Disposed' AND t."PublicText" = 'Laporan didisposisikan kepada instansi yang berwenang.' THEN NULL
                        WHEN t."Kind" = 'AwaitingConfirmation' AND t."PublicText" = 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.' THEN NULL
                        WHEN t."Kind" = 'Closed' AND t."PublicText" = 'Laporan ditutup.' THEN NULL
                        WHEN t."Kind" = 'DuplicateLinked' AND t."PublicText" = 'Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.' THEN NULL
                        WHEN t."Kind" = 'Rated' AND t."PublicText" ~ '^Pelapor memberi penilaian [1-5] dari 5\.$' THEN substr(t."PublicText", 27, 1)
                        ELSE t."PublicText"
                    END
                FROM (SELECT "Id", row_number() OVER (PARTITION BY "ReportId" ORDER BY "Id") - 1 AS seq FROM report_timeline) AS n
                WHERE t."Id" = n."Id";
                """);

            migrationBuilder.DropPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline");

            migrationBuilder.DropIndex(
                name: "IX_report_timeline_ReportId",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "PublicText",
                table: "report_timeline");

            migrationBuilder.AddPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline",
                columns: new[] { "ReportId", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "report_timeline");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "report_timeline",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "PublicText",
                table: "report_timeline",
                type: "text",
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
