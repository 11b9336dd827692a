using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

/// <summary>
/// Plain snake-case names: <see cref="Reports.DatabaseAttachmentStore"/> writes and reads this table with its own SQL
/// (streamed), and SQLite's blob API names the table and column directly. An ordinary rowid table on SQLite, since
/// the blob API finds a row by its rowid.
/// </summary>
internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public const string Table = "attachment_content";

    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.ToTable(Table);
        b.HasKey(c => c.StoredName);
        b.Property(c => c.StoredName).HasColumnName("stored_name").HasMaxLength(64);
        b.Property(c => c.Length).HasColumnName("length");
        b.Property(c => c.Content).HasColumnName("content");
        b.Property(c => c.CreatedAt).HasColumnName("created_at");
    }
}
