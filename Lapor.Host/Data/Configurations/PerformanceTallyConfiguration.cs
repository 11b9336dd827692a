using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class PerformanceTallyConfiguration : IEntityTypeConfiguration<PerformanceTally>
{
    public void Configure(EntityTypeBuilder<PerformanceTally> b)
    {
        b.ToTable("performance_tally");
        // A period's tallies are one key range (decision 035).
        b.HasKey(t => new { t.Period, t.Agency, t.Figure, t.Value });
        b.IsClusteredOnSqlite();
        b.Property(t => t.Period).HasMaxLength(7);
        b.Property(t => t.Agency).HasMaxLength(64);
    }
}

internal sealed class PerformanceTallyChangeConfiguration : IEntityTypeConfiguration<PerformanceTallyChange>
{
    public void Configure(EntityTypeBuilder<PerformanceTallyChange> b)
    {
        b.ToTable("performance_tally_change");
        b.HasKey(t => t.Id);
        b.Property(t => t.Period).HasMaxLength(7);
        b.Property(t => t.Agency).HasMaxLength(64);
        b.HasIndex(t => t.Period);
    }
}

internal sealed class PerformanceOpenStayConfiguration : IEntityTypeConfiguration<PerformanceOpenStay>
{
    public void Configure(EntityTypeBuilder<PerformanceOpenStay> b)
    {
        b.ToTable("performance_open_stay");
        b.HasKey(s => new { s.ReportId, s.Seq });
        b.IsClusteredOnSqlite();
        b.Property(s => s.Agency).HasMaxLength(64);
        b.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
