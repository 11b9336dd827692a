using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerformanceTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "performance_mark");

            migrationBuilder.CreateTable(
                name: "performance_month",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_month", x => new { x.ReportId, x.Month });
                    table.ForeignKey(
                        name: "FK_performance_month_report_ReportId",
                        column: x => x.ReportId,
                        principalTable: "report",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "performance_open_stay",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Start = table.Column<long>(type: "bigint", nullable: false),
                    StartDay = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<long>(type: "bigint", nullable: true),
                    RunStart = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    Unanswered = table.Column<bool>(type: "boolean", nullable: false),
                    LateCounted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_open_stay", x => new { x.ReportId, x.Seq });
                    table.ForeignKey(
                        name: "FK_performance_open_stay_report_ReportId",
                        column: x => x.ReportId,
                        principalTable: "report",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "performance_tally",
                columns: table => new
                {
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Agency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Figure = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_tally", x => new { x.Period, x.Agency, x.Figure, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "performance_tally_change",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Agency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Figure = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    Delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_tally_change", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_performance_month_Month",
                table: "performance_month",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_performance_open_stay_Agency_StartDay_Start_End_RunStart_Su~",
                table: "performance_open_stay",
                columns: new[] { "Agency", "StartDay", "Start", "End", "RunStart", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_performance_open_stay_Unanswered_Start",
                table: "performance_open_stay",
                columns: new[] { "Unanswered", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "performance_month");

            migrationBuilder.DropTable(
                name: "performance_open_stay");

            migrationBuilder.DropTable(
                name: "performance_tally");

            migrationBuilder.DropTable(
                name: "performance_tally_change");

            migrationBuilder.CreateTable(
                name: "performance_mark",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_performance_mark", x => new { x.ReportId, x.Kind, x.At });
                    table.ForeignKey(
                        name: "FK_performance_mark_report_ReportId",
                        column: x => x.ReportId,
                        principalTable: "report",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_performance_mark_Kind_At",
                table: "performance_mark",
                columns: new[] { "Kind", "At" });
        }
    }
}
