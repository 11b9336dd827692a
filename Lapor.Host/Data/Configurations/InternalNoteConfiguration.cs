using Lapor.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class InternalNoteConfiguration : IEntityTypeConfiguration<InternalNote>
{
    public void Configure(EntityTypeBuilder<InternalNote> b)
    {
        b.ToTable("internal_note");
        b.HasKey(n => n.Id);
        b.Property(n => n.Author).HasMaxLength(256).IsRequired();
        b.Property(n => n.AgencyCode).HasMaxLength(64);
        b.Property(n => n.TaskId).HasMaxLength(64);
        b.Property(n => n.Text).HasMaxLength(InternalNote.TextMaxLength).IsRequired();
        // Notes are read per report, oldest first; a note never outlives its report.
        b.HasIndex(n => new { n.ReportId, n.WrittenAt });
        b.HasOne<Report>().WithMany().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
