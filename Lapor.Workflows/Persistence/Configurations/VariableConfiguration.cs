using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class VariableConfiguration : IEntityTypeConfiguration<VariableRow>
{
    public void Configure(EntityTypeBuilder<VariableRow> b)
    {
        b.ToTable("wf_variable");
        b.IsClusteredOnSqlite();
        b.HasKey(x => new { x.InstanceId, x.Name });
        b.Property(x => x.Type).HasMaxLength(16);
        // No index on (Name, Value): every read of variables names the instance (the key's first column), and the
        // index cost a finished case almost a kilobyte (decision 028).
    }
}
