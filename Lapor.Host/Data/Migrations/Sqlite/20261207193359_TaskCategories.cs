using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidate_Kind_Value_TaskId",
                table: "wf_task_candidate");

            migrationBuilder.DropIndex(
                name: "IX_report_open_CategoryCode_ProcessInstanceId",
                table: "report");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "wf_task_candidate",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "wf_task",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "wf_process_instance",
                type: "TEXT",
                nullable: true);

            // Before the indexes on the new columns, so they are built once, over the filled columns.
            TaskCategoryBackfill.Run(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_TaskId",
                table: "wf_task_candidate",
                columns: new[] { "Kind", "Value", "Category", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Category_Due_CreatedAt",
                table: "wf_task",
                columns: new[] { "Category", "Due", "CreatedAt" },
                filter: "\"Category\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_TaskId",
                table: "wf_task_candidate");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_Category_Due_CreatedAt",
                table: "wf_task");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "wf_task_candidate");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "wf_task");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "wf_process_instance");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidate_Kind_Value_TaskId",
                table: "wf_task_candidate",
                columns: new[] { "Kind", "Value", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_report_open_CategoryCode_ProcessInstanceId",
                table: "report",
                columns: new[] { "CategoryCode", "ProcessInstanceId" },
                filter: "\"Status\" <> 'Closed'");
        }
    }
}
