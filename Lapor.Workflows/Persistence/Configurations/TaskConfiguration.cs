using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class TaskConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        b.ToTable("wf_task");
        b.HasKey(x => x.Id);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.ExecutionId);
        b.HasIndex(x => new { x.Assignee, x.Due });
        b.HasIndex(x => x.Due);
        b.HasMany(x => x.Candidates).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
