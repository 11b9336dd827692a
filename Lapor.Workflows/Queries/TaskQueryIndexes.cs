using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Queries;

/// <summary>
/// Indexes the engine's commands do not need but <see cref="TaskQuery"/> does: <see cref="TaskOrder.Newest"/> and
/// <see cref="TaskList.CreatedAfter"/> read tasks by creation time, and an owner sees the tasks they delegated (by owner).
/// Kept beside the queries they serve; the table's own configuration stays about what commands read.
/// </summary>
internal sealed class TaskQueryIndexes : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        b.HasIndex(t => t.CreatedAt);
        b.HasIndex(t => t.Owner);
    }
}
