using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<DeploymentRow>
{
    public void Configure(EntityTypeBuilder<DeploymentRow> b)
    {
        b.ToTable("wf_deployment");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(DeploymentRow.MaxCommentLength);
    }
}
