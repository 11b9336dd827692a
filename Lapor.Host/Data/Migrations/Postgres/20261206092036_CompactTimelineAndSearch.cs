using Microsoft.EntityFrameworkCore.Migrations;

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
            // Back to release-1 rows: an identity id in the old order and every step's sentence written out.
            migrationBuilder.DropPrimaryKey(
                name: "PK_report_timeline",
                table: "report_timeline");

            migrationBuilder.AddColumn<string>(
                name: "PublicText",
                table: "report_timeline",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE report_timeline SET "PublicText" = CASE
                        WHEN "Text" IS NOT NULL AND "Kind" NOT IN ('Rated', 'MergedInto') THEN "Text"
                        WHEN "Kind" = 'Submitted' THEN 'Laporan diterima.'
                        WHEN "Kind" = 'Disposed' THEN 'Laporan didisposisikan kepada instansi yang berwenang.'
                        WHEN "Kind" = 'AwaitingConfirmation' THEN 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.'
                        WHEN "Kind" = 'Closed' THEN 'Laporan ditutup.'
                        WHEN "Kind" = 'DuplicateLinked' THEN 'Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.'
                        WHEN "Kind" = 'Rated' AND length("Text") = 1 THEN 'Pelapor memberi penilaian ' || "Text" || ' dari 5.'
                        WHEN "Kind" = 'MergedInto' AND "Text" LIKE 'LPR-%' THEN 'Laporan ini digabung dengan laporan ' || "Text" || ' tentang masalah yang sama. Jawaban atas laporan ' || "Text" || ' akan diteruskan kepada Anda.'
                        ELSE coalesce("Text", '')
                    END;
                """);

            migrationBuilder.Sql("""
                ALTER TABLE report_timeline ADD COLUMN "Id" bigint NOT NULL DEFAULT 0;
                UPDATE report_timeline AS t SET "Id" = n.id
                FROM (SELECT "ReportId", "Seq", row_number() OVER (ORDER BY "ReportId", "Seq") AS id FROM report_timeline) AS n
                WHERE t."ReportId" = n."ReportId" AND t."Seq" = n."Seq";
                ALTER TABLE report_timeline ALTER COLUMN "Id" DROP DEFAULT;
                ALTER TABLE report_timeline ALTER COLUMN "Id" ADD GENERATED BY DEFAULT AS IDENTITY;
                SELECT setval(pg_get_serial_sequence('report_timeline', 'Id'), coalesce((SELECT max("Id") FROM report_timeline), 0) + 1, false);
                """);

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "report_timeline");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "report_timeline");

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
