using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscriptionRow>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionRow> b)
    {
        b.ToTable("wf_message_subscription");
        b.IsClusteredOnSqlite();
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.MessageName);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => x.ExecutionId);
    }
}
