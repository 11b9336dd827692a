using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunningInstancesByVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decision 030: runtime variables live as long as their instance (history keeps every value); those that
            // ended instances left behind go now, and the index by version keeps running instances only.
            migrationBuilder.Sql("""
                DELETE FROM wf_variable WHERE "InstanceId" IN (SELECT "Id" FROM wf_process_instance WHERE "Status" <> 'Active');
                """);

            migrationBuilder.DropIndex(
                name: "IX_wf_process_instance_DefinitionId",
                table: "wf_process_instance");

            migrationBuilder.CreateIndex(
                name: "IX_wf_process_instance_DefinitionId",
                table: "wf_process_instance",
                column: "DefinitionId",
                filter: "\"Status\" = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_process_instance_DefinitionId",
                table: "wf_process_instance");

            migrationBuilder.CreateIndex(
                name: "IX_wf_process_instance_DefinitionId",
                table: "wf_process_instance",
                column: "DefinitionId");
        }
    }
}
