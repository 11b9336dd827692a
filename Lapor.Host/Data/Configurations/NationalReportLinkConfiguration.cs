using Lapor.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class NationalReportLinkConfiguration : IEntityTypeConfiguration<NationalReportLink>
{
    public void Configure(EntityTypeBuilder<NationalReportLink> b)
    {
        b.ToTable("national_report_link");
        // The key is the exactly-once guarantee: a second insert of the same national id fails.
        b.HasKey(l => l.NationalId);
        b.Property(l => l.NationalId).HasMaxLength(NationalReportLink.NationalIdMaxLength);
        // Events about a report look its national id up by report.
        b.HasIndex(l => l.ReportId).IsUnique();
        b.HasOne<Report>().WithMany().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
