using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_message");
        b.Property(m => m.Template).HasMaxLength(64);
        b.Property(m => m.Channel).HasMaxLength(16).HasDefaultValue("email");
        b.Property(m => m.Recipient).HasMaxLength(400);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.IdempotencyKey).HasMaxLength(64);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        // The dispatcher's question: what is neither sent nor dead, and due?
        b.HasIndex(m => new { m.SentAt, m.DeadAt, m.NextAttemptAt });
        b.HasIndex(m => m.BusinessKey);
    }
}
