using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRow>
{
    public void Configure(EntityTypeBuilder<IncidentRow> b)
    {
        b.ToTable("wf_incident");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.ExecutionId);
    }
}
