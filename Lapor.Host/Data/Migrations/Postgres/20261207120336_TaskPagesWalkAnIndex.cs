using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskPagesWalkAnIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Due",
                table: "wf_task");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_Owner",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Due_CreatedAt",
                table: "wf_task",
                columns: new[] { "Due", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Owner",
                table: "wf_task",
                column: "Owner",
                filter: "\"Owner\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_TaskDefinitionKey",
                table: "wf_task",
                column: "TaskDefinitionKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Due_CreatedAt",
                table: "wf_task");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_Owner",
                table: "wf_task");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_TaskDefinitionKey",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Due",
                table: "wf_task",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Owner",
                table: "wf_task",
                column: "Owner");
        }
    }
}
