using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class OpenHistoryRecordConfiguration : IEntityTypeConfiguration<OpenHistoryRecordRow>
{
    public void Configure(EntityTypeBuilder<OpenHistoryRecordRow> b)
    {
        b.ToTable("wf_history_open");
        // Not clustered, as wf_history_record (see there).
        b.HasKey(x => new { x.ChainId, x.Seq });
        b.Property(x => x.ChainId).HasConversion<CompactIdConverter>();
    }
}
