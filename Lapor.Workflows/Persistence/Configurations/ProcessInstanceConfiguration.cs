using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstanceRow>
{
    public void Configure(EntityTypeBuilder<ProcessInstanceRow> b)
    {
        b.ToTable("wf_process_instance");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // Instances without a business key stay out of the index, which they would only fill at its NULL boundary.
        b.HasIndex(x => x.BusinessKey).HasFilter("\"BusinessKey\" IS NOT NULL");
        b.HasIndex(x => new { x.DefinitionKey, x.Status });
        // Only running instances are looked up by version (migration, instance lists: all ask for Active ones), so an
        // instance leaves this index when it ends and a finished case costs it nothing (decision 030).
        b.HasIndex(x => x.DefinitionId).HasFilter("\"Status\" = 'Active'");
    }
}
