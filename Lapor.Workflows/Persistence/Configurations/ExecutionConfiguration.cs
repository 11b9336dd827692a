using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class ExecutionConfiguration : IEntityTypeConfiguration<ExecutionRow>
{
    public void Configure(EntityTypeBuilder<ExecutionRow> b)
    {
        b.ToTable("wf_execution");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        // Only the instance: every query reaches executions through their instance (the designer's counts per node
        // join them to the instances it lists), and an ActivityId index would be rewritten on every step a token takes.
        b.HasIndex(x => x.InstanceId);
    }
}
