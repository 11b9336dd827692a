using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_history_open",
                columns: table => new
                {
                    ChainId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Packed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Seal = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_history_open", x => new { x.ChainId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "wf_history_record",
                columns: table => new
                {
                    ChainId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Packed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Seal = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_history_record", x => new { x.ChainId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "wf_history_task",
                columns: table => new
                {
                    TaskId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ChainId = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_history_task", x => x.TaskId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_history_open");

            migrationBuilder.DropTable(
                name: "wf_history_record");

            migrationBuilder.DropTable(
                name: "wf_history_task");
        }
    }
}
