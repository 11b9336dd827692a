using Microsoft.EntityFrameworkCore.Migrations;

namespace Lapor.Host.Data.Migrations;

/// <summary>
/// Release 4's <c>CandidatesInDueOrder</c> migration on either provider: each open task's candidate rows get the task's
/// due date and creation time, as the engine now writes them (<c>TaskCandidateRow.Due</c>). Plain SQL that SQLite and
/// PostgreSQL both run; it runs before the indexes on the new columns are made, so they are built once.
/// </summary>
internal static class TaskCandidateDateBackfill
{
    public static void Run(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            UPDATE "wf_task_candidate" SET
                "Due" = (SELECT t."Due" FROM "wf_task" AS t WHERE t."Id" = "wf_task_candidate"."TaskId"),
                "CreatedAt" = (SELECT t."CreatedAt" FROM "wf_task" AS t WHERE t."Id" = "wf_task_candidate"."TaskId");
            """);
}
