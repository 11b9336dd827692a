using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Host.Data.Configurations;

/// <summary>
/// An index the engine does not need but the portal does: the inbox's "newest" order and the notifications' "new since
/// you last looked" both read tasks by creation time, and an owner sees the tasks they delegated (by owner). Added here
/// so the engine's own model stays about the engine.
/// </summary>
internal sealed class TaskInboxIndexConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        b.HasIndex(t => t.CreatedAt);
        b.HasIndex(t => t.Owner);
    }
}
