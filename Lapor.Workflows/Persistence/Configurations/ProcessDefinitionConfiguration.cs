using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class ProcessDefinitionConfiguration : IEntityTypeConfiguration<ProcessDefinitionRow>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionRow> b)
    {
        b.ToTable("wf_process_definition");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(200);
        b.Property(x => x.Key).HasMaxLength(128);
        b.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        b.HasIndex(x => x.DeploymentId);
    }
}
