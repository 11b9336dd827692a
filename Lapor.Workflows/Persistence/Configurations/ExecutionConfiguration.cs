using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class ExecutionConfiguration : IEntityTypeConfiguration<ExecutionRow>
{
    public void Configure(EntityTypeBuilder<ExecutionRow> b)
    {
        b.ToTable("wf_execution");
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.ActivityId);
    }
}
