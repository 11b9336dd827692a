using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryChainConfiguration : IEntityTypeConfiguration<HistoryChainRow>
{
    public void Configure(EntityTypeBuilder<HistoryChainRow> b)
    {
        b.ToTable("wf_history_chain");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.ChainId);
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}
