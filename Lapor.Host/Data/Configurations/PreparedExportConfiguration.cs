using Lapor.Host.Audit.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class PreparedExportConfiguration : IEntityTypeConfiguration<PreparedExport>
{
    public void Configure(EntityTypeBuilder<PreparedExport> b)
    {
        b.ToTable("prepared_export");
        b.HasKey(e => e.Id);
        b.Property(e => e.RequestedBy).HasMaxLength(256);
        b.Property(e => e.Period).HasMaxLength(16);
        b.Property(e => e.Format).HasMaxLength(8);
        b.Property(e => e.RevealReason).HasMaxLength(1000);
        b.Property(e => e.Error).HasMaxLength(2000);
        b.Ignore(e => e.StoredName);
        b.Ignore(e => e.Scope);
        // The builder looks for the oldest export waiting (or left by a host that died); the table holds a day's worth.
        b.HasIndex(e => new { e.State, e.CreatedAt });
    }
}
