using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Persistence.Configurations;

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<HistoryEventRow>
{
    public void Configure(EntityTypeBuilder<HistoryEventRow> b)
    {
        b.ToTable("wf_history_event");
        b.HasKey(x => x.Id);
        // A plain rowid, not AUTOINCREMENT: AUTOINCREMENT keeps the highest id in sqlite_sequence and rewrites that
        // table on every insert, one more page per commit, only to avoid reusing the id of a deleted last row.
        b.HasPlainRowIdOnSqlite();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        // The 32 bytes of the hash, not 64 characters of hex; empty on every row of a command but its last (decision 028).
        b.Property(x => x.Hash).HasConversion(hex => Convert.FromHexString(hex), bytes => Convert.ToHexStringLower(bytes));
        b.HasIndex(x => new { x.ChainId, x.Seq }).IsUnique();
        // No index on InstanceId: an instance's rows are its own chain, found through (ChainId, Seq) (HistoryQueries).
        // Few indexes on purpose: every command appends several rows, and each index is another B-tree to write.
        // Only rows about a task are indexed: the many rows without one all sorted at the boundary of NULLs, in the
        // middle of the index, and split its pages there on every command. Look-ups by task id can still use it.
        b.HasIndex(x => x.TaskId).HasFilter("\"TaskId\" IS NOT NULL");
    }
}
