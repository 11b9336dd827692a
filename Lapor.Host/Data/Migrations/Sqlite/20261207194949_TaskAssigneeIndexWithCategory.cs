using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskAssigneeIndexWithCategory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Assignee_Due",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Assignee_Due_Category",
                table: "wf_task",
                columns: new[] { "Assignee", "Due", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Assignee_Due_Category",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Assignee_Due",
                table: "wf_task",
                columns: new[] { "Assignee", "Due" });
        }
    }
}
