using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Postgres
{
    /// <summary>
    /// Decision 028: history rows keep their hash as 32 bytes and no longer repeat the previous row's hash; the unused
    /// (Name, Value) index on variables goes. Rows already written keep their content and their (now binary) hashes,
    /// so they verify as before.
    /// </summary>
    public partial class CompactHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_variable_Name_Value",
                table: "wf_variable");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "wf_history_event");

            // The same hash, as the bytes its hex text spells (a plain type change would keep the text's characters).
            migrationBuilder.Sql("ALTER TABLE wf_history_event ALTER COLUMN \"Hash\" TYPE bytea USING decode(\"Hash\", 'hex');");
        }

        /// <inheritdoc />
        /// <remarks>
        /// Puts the columns back with hex hashes and each row's predecessor hash; rows written by one command since
        /// (one hash for several rows) cannot be verified by the release before this one.
        /// </remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE wf_history_event ALTER COLUMN \"Hash\" TYPE text USING encode(\"Hash\", 'hex');");

            migrationBuilder.AddColumn<string>(
                name: "PrevHash",
                table: "wf_history_event",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(
                "UPDATE wf_history_event AS h SET \"PrevHash\" = coalesce((SELECT p.\"Hash\" FROM wf_history_event AS p " +
                "WHERE p.\"ChainId\" = h.\"ChainId\" AND p.\"Seq\" < h.\"Seq\" AND p.\"Hash\" <> '' ORDER BY p.\"Seq\" DESC LIMIT 1), " +
                "'0000000000000000000000000000000000000000000000000000000000000000');");

            migrationBuilder.CreateIndex(
                name: "IX_wf_variable_Name_Value",
                table: "wf_variable",
                columns: new[] { "Name", "Value" });
        }
    }
}
