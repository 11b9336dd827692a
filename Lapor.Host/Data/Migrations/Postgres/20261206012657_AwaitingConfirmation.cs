using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AwaitingConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "report",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12)",
                oldMaxLength: 12);

            // A report closed by the answer while its process still waits for the reporter (how earlier releases read
            // reportStatus=closed) now awaits the reporter's confirmation: status, closing time and its "closed" step.
            migrationBuilder.Sql("""
                UPDATE report_timeline SET "Kind" = 'AwaitingConfirmation', "PublicText" = 'Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.'
                WHERE "Id" IN (SELECT MAX(t."Id") FROM report_timeline t
                    JOIN report r ON r."Id" = t."ReportId" JOIN wf_process_instance i ON i."Id" = r."ProcessInstanceId"
                    WHERE r."Status" = 'Closed' AND i."Status" = 'Active' AND t."Kind" = 'Closed' GROUP BY t."ReportId");
                """);
            migrationBuilder.Sql("""
                UPDATE report SET "Status" = 'AwaitingConfirmation', "ClosedAt" = NULL
                WHERE "Status" = 'Closed' AND "ProcessInstanceId" IN (SELECT "Id" FROM wf_process_instance WHERE "Status" = 'Active');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE report_timeline SET "Kind" = 'Closed', "PublicText" = 'Laporan ditutup.' WHERE "Kind" = 'AwaitingConfirmation';
                """);
            migrationBuilder.Sql("""UPDATE report SET "Status" = 'Closed' WHERE "Status" = 'AwaitingConfirmation';""");
            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "report",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);
        }
    }
}
