using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

internal sealed class PerformanceFrozenConfiguration : IEntityTypeConfiguration<PerformanceFrozen>
{
    public void Configure(EntityTypeBuilder<PerformanceFrozen> b)
    {
        b.ToTable("performance_frozen");
        // A period's kept figures are one key range (decision 037).
        b.HasKey(f => new { f.Period, f.Agency, f.Figure });
        b.IsClusteredOnSqlite();
        b.Property(f => f.Period).HasMaxLength(7);
        b.Property(f => f.Agency).HasMaxLength(64);
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
        // No index beyond the key: the table holds a few seconds of changes, which a read scans, and every save adds to it.
    }
}

internal sealed class PerformanceOpenStayConfiguration : IEntityTypeConfiguration<PerformanceOpenStay>
{
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableTicks =
        new(v => v == null ? null : v.Value.UtcTicks, v => v == null ? null : new DateTimeOffset(v.Value, TimeSpan.Zero));

    public void Configure(EntityTypeBuilder<PerformanceOpenStay> b)
    {
        b.ToTable("performance_open_stay");
        b.HasKey(s => new { s.ReportId, s.Seq });
        b.IsClusteredOnSqlite();
        b.Property(s => s.Agency).HasMaxLength(64);
        // Whole numbers (UTC ticks) rather than the provider's date type: the dashboard reads every row on every view,
        // and SQLite would parse four date strings per row.
        b.Property(s => s.Start).HasConversion(Ticks);
        b.Property(s => s.End).HasConversion(NullableTicks);
        b.Property(s => s.RunStart).HasConversion(Ticks);
        b.Property(s => s.SubmittedAt).HasConversion(Ticks);
        // The dashboard's two questions (OpenFigures): who held what at a moment, counted by agency and start date in
        // the index's own order (covering, so no sort and no row is read); and which unanswered stays started in a range
        // of days, in the order the province's count groups them (start date, what is already counted), with the agency
        // for the per-agency count: covering too (a year's range was 19 ms at a million reports reading rows).
        b.HasIndex(s => new { s.Agency, s.StartDay, s.Start, s.End, s.RunStart, s.SubmittedAt });
        b.HasIndex(s => new { s.Unanswered, s.StartDay, s.LateCounted, s.Agency });
        b.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
