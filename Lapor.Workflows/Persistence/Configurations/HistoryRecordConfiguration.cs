using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryRecordConfiguration : IEntityTypeConfiguration<HistoryRecordRow>
{
    public void Configure(EntityTypeBuilder<HistoryRecordRow> b)
    {
        b.ToTable("wf_history_record");
        // A rowid table with its key as an index, not clustered (WITHOUT ROWID): SQLite keeps at most about 1 KB of a
        // clustered row in its page and puts the rest on an overflow page of its own, so a finished case's record of
        // 1.5 KB took 4.7 KB on disk; a rowid table keeps rows up to nearly a page inline.
        b.HasKey(x => new { x.ChainId, x.Seq });
        b.Property(x => x.ChainId).HasConversion<CompactIdConverter>();
    }
}
