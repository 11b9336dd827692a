using Lapor.Workflows.History;
using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryRecordConfiguration : IEntityTypeConfiguration<HistoryRecordRow>
{
    public void Configure(EntityTypeBuilder<HistoryRecordRow> b)
    {
        b.ToTable("wf_history_record");
        // Stored in chain order: a chain's records are read together and no other index is needed.
        b.IsClusteredOnSqlite();
        b.HasKey(x => new { x.ChainId, x.Seq });
    }
}
