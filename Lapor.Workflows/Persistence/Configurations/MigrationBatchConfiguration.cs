using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class MigrationBatchConfiguration : IEntityTypeConfiguration<MigrationBatchRow>
{
    public void Configure(EntityTypeBuilder<MigrationBatchRow> b)
    {
        b.ToTable("wf_migration_batch");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.State);
        b.HasIndex(x => x.ProcessKey);
    }
}
