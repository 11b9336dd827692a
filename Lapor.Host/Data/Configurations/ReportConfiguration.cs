using Lapor.Domain.Reports;
using Lapor.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("report");
        b.HasKey(r => r.Id);
        b.Property(r => r.TrackingCode).HasConversion(c => c.ToString(), s => TrackingCode.Parse(s)).HasMaxLength(24);
        b.HasIndex(r => r.TrackingCode).IsUnique();
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Title).HasMaxLength(ReportDraft.TitleMaxLength);
        b.Property(r => r.Stage).HasMaxLength(200);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.NoticeToken).HasMaxLength(64);
        b.HasIndex(r => r.NoticeToken).IsUnique();
        b.HasIndex(r => r.ProcessInstanceId);
        b.HasIndex(r => new { r.IsConfidential, r.SubmittedAt });
        // The public list's newest-first page: "not confidential" is no equality, so the index above cannot order it,
        // and at a million reports SQLite sorted them all (0.9 s). Newest first along this one, skipping the few
        // confidential ones, stops after a page.
        b.HasIndex(r => r.SubmittedAt);
        b.HasIndex(r => r.CategoryCode);
        b.HasIndex(r => r.ResponsibleAgencyCode);
        b.HasIndex(r => r.Stage);
        // No foreign key on purpose: adding one makes SQLite rebuild the report table (and drop its search triggers);
        // only DuplicateLinks writes the column, after loading both reports (decision 022).
        b.HasIndex(r => r.DuplicateOfId);
        b.OwnsOne(r => r.Reporter, o =>
        {
            o.Property(p => p.UserId).HasColumnName("reporter_user_id");
            o.Property(p => p.Name).HasColumnName("reporter_name").HasMaxLength(200);
            o.Property(p => p.Email).HasColumnName("reporter_email").HasMaxLength(200);
            o.Property(p => p.Phone).HasColumnName("reporter_phone").HasMaxLength(32);
            o.HasIndex(p => p.UserId);
        });
        b.Navigation(r => r.Reporter).IsRequired();
        b.OwnsOne(r => r.Rating, o =>
        {
            o.Property(p => p.Stars).HasColumnName("rating_stars");
            o.Property(p => p.Comment).HasColumnName("rating_comment");
            o.Property(p => p.RatedAt).HasColumnName("rating_at");
        });
        b.OwnsMany(r => r.Attachments, o =>
        {
            o.ToTable("report_attachment");
            o.WithOwner().HasForeignKey("ReportId");
            o.HasKey(a => a.Id);
        });
        b.Navigation(r => r.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(r => r.Timeline, o =>
        {
            o.ToTable("report_timeline");
            o.WithOwner().HasForeignKey("ReportId");
            // Keyed by report and place, and on SQLite stored in that order (WITHOUT ROWID): a report's steps sit
            // together and no separate index on ReportId is needed (decision 030).
            o.HasKey("ReportId", nameof(TimelineEntry.Seq));
            o.Property(t => t.Seq).ValueGeneratedNever();
            o.IsClusteredOnSqlite();
            o.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
            o.Ignore(t => t.PublicText);
        });
        b.Navigation(r => r.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
