using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class PerformanceMonthConfiguration : IEntityTypeConfiguration<PerformanceMonth>
{
    public void Configure(EntityTypeBuilder<PerformanceMonth> b)
    {
        b.ToTable("performance_month");
        // Report first and on SQLite stored in that order (WITHOUT ROWID): the writer replaces one report's months with
        // one key range; the drill-down reads a period's months through the index (decision 035).
        b.HasKey(m => new { m.ReportId, m.Month });
        b.IsClusteredOnSqlite();
        b.HasIndex(m => m.Month);
        b.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
