using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidateRow>
{
    public void Configure(EntityTypeBuilder<TaskCandidateRow> b)
    {
        b.ToTable("wf_task_candidate");
        b.HasKey(x => x.Id);
        // A plain rowid, not AUTOINCREMENT: AUTOINCREMENT keeps the highest id in sqlite_sequence and rewrites that
        // table on every insert, one more page per commit, only to avoid reusing the id of a deleted last row.
        b.HasPlainRowIdOnSqlite();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        // The task lists' indexes, in due order per group and per group and category, are in Queries/TaskQueryIndexes.
    }
}
