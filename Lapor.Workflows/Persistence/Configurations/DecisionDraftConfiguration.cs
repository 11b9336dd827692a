using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class DecisionDraftConfiguration : IEntityTypeConfiguration<DecisionDraftRow>
{
    public void Configure(EntityTypeBuilder<DecisionDraftRow> b)
    {
        b.ToTable("wf_decision_draft");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(128);
        b.Property(x => x.SavedBy).HasMaxLength(256);
    }
}
