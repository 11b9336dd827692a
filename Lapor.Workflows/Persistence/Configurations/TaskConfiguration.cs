using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        // Not clustered: a clustered table's indexes end in its text key, and SQLite then planned the inbox's
        // "visible tasks IN (...) AND instance IN (reports of a category)" as seeks over every pair of the two lists
        // (8 s at 100,000 tasks instead of 0.1 s). The rowid costs one page more per task insert or delete.
        b.ToTable("wf_task");
        b.HasKey(x => x.Id);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // No ExecutionId index: an instance has a handful of tasks, so the engine finds a token's task through InstanceId.
        b.HasIndex(x => x.InstanceId);
        // The assignee's index is query support: Queries/TaskQueryIndexes.
        b.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
