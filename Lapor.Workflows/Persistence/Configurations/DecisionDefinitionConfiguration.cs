using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class DecisionDefinitionConfiguration : IEntityTypeConfiguration<DecisionDefinitionRow>
{
    public void Configure(EntityTypeBuilder<DecisionDefinitionRow> b)
    {
        b.ToTable("wf_decision_definition");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(200);
        b.Property(x => x.Key).HasMaxLength(128);
        b.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        b.HasIndex(x => x.DeploymentId);
    }
}
