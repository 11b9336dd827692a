using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<HistoryEventRow>
{
    public void Configure(EntityTypeBuilder<HistoryEventRow> b)
    {
        b.ToTable("wf_history_event");
        b.HasKey(x => x.Id);
        // A plain rowid, not AUTOINCREMENT: AUTOINCREMENT keeps the highest id in sqlite_sequence and rewrites that
        // table on every insert, one more page per commit, only to avoid reusing the id of a deleted last row.
        b.Property(x => x.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(x => new { x.ChainId, x.Seq }).IsUnique();
        b.HasIndex(x => new { x.InstanceId, x.Kind });
        // Few indexes on purpose: every command appends several rows, and each index is another B-tree to write.
        b.HasIndex(x => x.TaskId);
    }
}
