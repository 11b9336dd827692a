using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobRow>
{
    public void Configure(EntityTypeBuilder<JobRow> b)
    {
        b.ToTable("wf_job");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(x => x.DueAt);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.ExecutionId);
    }
}
