using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_message_SentAt",
                table: "outbox_message");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "report",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "id");

            migrationBuilder.AddColumn<string>(
                name: "NoticeToken",
                table: "report",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoticesStopped",
                table: "report",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "ProcessInstanceId",
                table: "outbox_message",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "outbox_message",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "outbox_message",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "email");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "outbox_message",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeadAt",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "outbox_message",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "outbox_message",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "outbox_message",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_NoticeToken",
                table: "report",
                column: "NoticeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_BusinessKey",
                table: "outbox_message",
                column: "BusinessKey");

            // Release 1 wrote reminders that nothing sent: each gets a key of its own, and its agency code becomes the
            // staff group the dispatcher writes to; reports filed before keep Indonesian as their language (default above).
            migrationBuilder.Sql("UPDATE outbox_message SET \"IdempotencyKey\" = 'r1-' || CAST(\"Id\" AS TEXT), \"Recipient\" = 'group:' || \"Recipient\" WHERE \"IdempotencyKey\" = '';");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_IdempotencyKey",
                table: "outbox_message",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_SentAt_DeadAt_NextAttemptAt",
                table: "outbox_message",
                columns: new[] { "SentAt", "DeadAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_NoticeToken",
                table: "report");

            migrationBuilder.DropIndex(
                name: "IX_outbox_message_BusinessKey",
                table: "outbox_message");

            migrationBuilder.DropIndex(
                name: "IX_outbox_message_IdempotencyKey",
                table: "outbox_message");

            migrationBuilder.DropIndex(
                name: "IX_outbox_message_SentAt_DeadAt_NextAttemptAt",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "report");

            migrationBuilder.DropColumn(
                name: "NoticeToken",
                table: "report");

            migrationBuilder.DropColumn(
                name: "NoticesStopped",
                table: "report");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "DeadAt",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "outbox_message");

            migrationBuilder.AlterColumn<string>(
                name: "ProcessInstanceId",
                table: "outbox_message",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_SentAt",
                table: "outbox_message",
                column: "SentAt");
        }
    }
}
