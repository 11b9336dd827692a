using Microsoft.EntityFrameworkCore.Migrations;

namespace Lapor.Host.Data.Migrations;

/// <summary>
/// Release 4's <c>TaskCategories</c> migration on either provider: the instances still running, their open tasks and the
/// tasks' candidates get the category of the report the instance handles, as a start now gives it
/// (<c>StartRequest.Category</c>). Ended instances never get another task, so they are left without one. Plain SQL that
/// SQLite and PostgreSQL both run; it runs before the indexes on the new columns are made, so they are built once.
/// </summary>
internal static class TaskCategoryBackfill
{
    public static void Run(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "wf_process_instance" SET "Category" =
                (SELECT r."CategoryCode" FROM "report" AS r WHERE r."ProcessInstanceId" = "wf_process_instance"."Id")
            WHERE "EndedAt" IS NULL;
            """);
        migrationBuilder.Sql("""
            UPDATE "wf_task" SET "Category" =
                (SELECT i."Category" FROM "wf_process_instance" AS i WHERE i."Id" = "wf_task"."InstanceId");
            """);
        migrationBuilder.Sql("""
            UPDATE "wf_task_candidate" SET "Category" =
                (SELECT t."Category" FROM "wf_task" AS t WHERE t."Id" = "wf_task_candidate"."TaskId");
            """);
    }
}
