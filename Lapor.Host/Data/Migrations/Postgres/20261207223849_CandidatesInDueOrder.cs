using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CandidatesInDueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_TaskId",
                table: "wf_task_candidate");

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "wf_task_candidate",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "Due",
                table: "wf_task_candidate",
                type: "timestamp with time zone",
                nullable: true);

            TaskCandidateDateBackfill.Run(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_Due_CreatedAt_TaskId",
                table: "wf_task_candidate",
                columns: new[] { "Kind", "Value", "Category", "Due", "CreatedAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidate_Kind_Value_Due_CreatedAt_TaskId",
                table: "wf_task_candidate",
                columns: new[] { "Kind", "Value", "Due", "CreatedAt", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_Due_CreatedAt_TaskId",
                table: "wf_task_candidate");

            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidate_Kind_Value_Due_CreatedAt_TaskId",
                table: "wf_task_candidate");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "wf_task_candidate");

            migrationBuilder.DropColumn(
                name: "Due",
                table: "wf_task_candidate");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidate_Kind_Value_Category_TaskId",
                table: "wf_task_candidate",
                columns: new[] { "Kind", "Value", "Category", "TaskId" });
        }
    }
}
