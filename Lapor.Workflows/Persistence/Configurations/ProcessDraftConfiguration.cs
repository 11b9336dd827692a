using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class ProcessDraftConfiguration : IEntityTypeConfiguration<ProcessDraftRow>
{
    public void Configure(EntityTypeBuilder<ProcessDraftRow> b)
    {
        b.ToTable("wf_process_draft");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(128);
        b.Property(x => x.SavedBy).HasMaxLength(256);
    }
}
