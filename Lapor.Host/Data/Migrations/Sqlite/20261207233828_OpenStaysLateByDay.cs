using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenStaysLateByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_performance_open_stay_Unanswered_Start_Agency_StartDay_LateCounted",
                table: "performance_open_stay");

            migrationBuilder.CreateIndex(
                name: "IX_performance_open_stay_Unanswered_StartDay_LateCounted_Agency",
                table: "performance_open_stay",
                columns: new[] { "Unanswered", "StartDay", "LateCounted", "Agency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_performance_open_stay_Unanswered_StartDay_LateCounted_Agency",
                table: "performance_open_stay");

            migrationBuilder.CreateIndex(
                name: "IX_performance_open_stay_Unanswered_Start_Agency_StartDay_LateCounted",
                table: "performance_open_stay",
                columns: new[] { "Unanswered", "Start", "Agency", "StartDay", "LateCounted" });
        }
    }
}
