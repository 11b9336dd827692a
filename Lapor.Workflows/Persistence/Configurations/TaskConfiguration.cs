using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        b.ToTable("wf_task");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // No ExecutionId index: an instance has a handful of tasks, so the engine finds a token's task through InstanceId.
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => new { x.Assignee, x.Due });
        b.HasIndex(x => x.Due);
        b.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
