using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskCategoryIndexCoversOrderKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Category_Due_CreatedAt",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Category_Due_CreatedAt_Priority_Id",
                table: "wf_task",
                columns: new[] { "Category", "Due", "CreatedAt", "Priority", "Id" },
                filter: "\"Category\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_Category_Due_CreatedAt_Priority_Id",
                table: "wf_task");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_Category_Due_CreatedAt",
                table: "wf_task",
                columns: new[] { "Category", "Due", "CreatedAt" },
                filter: "\"Category\" IS NOT NULL");
        }
    }
}
