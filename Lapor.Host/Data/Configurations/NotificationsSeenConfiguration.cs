using Lapor.Host.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

internal sealed class NotificationsSeenConfiguration : IEntityTypeConfiguration<NotificationsSeen>
{
    public void Configure(EntityTypeBuilder<NotificationsSeen> b)
    {
        b.ToTable("notifications_seen");
        // Keyed by user name, as task assignees are: the badge looks it up from the sign-in name without a join.
        b.HasKey(s => s.UserName);
        b.Property(s => s.UserName).HasMaxLength(256);
    }
}
