using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class PerformanceMarkConfiguration : IEntityTypeConfiguration<PerformanceMark>
{
    public void Configure(EntityTypeBuilder<PerformanceMark> b)
    {
        b.ToTable("performance_mark");
        // Keyed by report first and on SQLite stored in that order (WITHOUT ROWID): the writer replaces one report's
        // marks with one key range; the dashboard reads a period as ranges of (kind, moment) (decision 033).
        b.HasKey(m => new { m.ReportId, m.Kind, m.At });
        b.IsClusteredOnSqlite();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(m => new { m.Kind, m.At });
        b.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
