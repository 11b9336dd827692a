using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Data;

/// <summary>The product's one database: accounts, the engine's tables and (later) reports share it and its transactions.</summary>
public sealed class LaporDb(DbContextOptions<LaporDb> options) : IdentityDbContext<LaporUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        WorkflowModel.Configure(builder);
        builder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_message");
            b.HasIndex(m => m.SentAt);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        WorkflowModel.ConfigureConventions(configurationBuilder);
}
