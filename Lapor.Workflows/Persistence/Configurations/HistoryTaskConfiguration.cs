using Lapor.Workflows.History;
using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryTaskConfiguration : IEntityTypeConfiguration<HistoryTaskRow>
{
    public void Configure(EntityTypeBuilder<HistoryTaskRow> b)
    {
        b.ToTable("wf_history_task");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.TaskId);
        b.Property(x => x.TaskId).HasConversion<CompactIdConverter>();
        b.Property(x => x.ChainId).HasConversion<CompactIdConverter>();
    }
}
