using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidateRow>
{
    public void Configure(EntityTypeBuilder<TaskCandidateRow> b)
    {
        b.ToTable("wf_task_candidate");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(x => new { x.Kind, x.Value, x.TaskId });
    }
}
