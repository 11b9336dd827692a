using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Workflows.Queries;

/// <summary>
/// Indexes the engine's commands do not need but <see cref="TaskQuery"/> does, kept beside the queries they serve; the
/// table's own configuration stays about what commands read. Each costs a page on every task insert and delete.
/// <list type="bullet">
/// <item><c>(Due, CreatedAt)</c>: a <see cref="TaskOrder.Due"/> page of a long list walks it, the dated tasks and then the
/// undated ones, instead of sorting every listed task; the due-date filters and the badge seek by its first column.</item>
/// <item><c>CreatedAt</c>: <see cref="TaskOrder.Newest"/> and <see cref="TaskList.CreatedAfter"/>.</item>
/// <item><c>TaskDefinitionKey</c>: a list's kinds beyond what is worth counting, a seek per kind
/// (<see cref="TaskList.KindsAsync(int, CancellationToken)"/>).</item>
/// <item><c>Owner</c>, only where there is one: an owner sees the tasks they delegated, and a task without an owner (nearly
/// every task) costs this index nothing.</item>
/// <item><c>(Assignee, Due, Category)</c>: a user's own tasks in due order; with the category as its last column, "my
/// tasks in category C" is tested on the index entries, and only the matches' rows are read (an officer held 1,158 open
/// tasks in the million-report database: 3.7 ms reading each row, 0.1 ms from the index).</item>
/// <item><c>(Category, Due, CreatedAt, Priority, Id)</c>, only where there is a category: <see cref="TaskList.InCategory"/>
/// for those who see every task, walked in due order within the category; its last two columns make it cover a
/// counted page's order keys (<see cref="TaskList.CountedPageAsync"/>), which read a row each without them (1,001 rows
/// for a coordinator's category at a million reports).</item>
/// <item>Candidates on <c>(Kind, Value, Due, CreatedAt, TaskId)</c>: a group's tasks (<see cref="TaskList.VisibleTo"/>), in
/// due order, so an officer's page of the group's unclaimed tasks stops after its own rows.</item>
/// <item>Candidates on <c>(Kind, Value, Category, Due, CreatedAt, TaskId)</c>: a group's tasks in one category as one
/// range of it, again in due order.</item>
/// </list>
/// </summary>
internal sealed class TaskQueryIndexes : IEntityTypeConfiguration<TaskRow>, IEntityTypeConfiguration<TaskCandidateRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> b)
    {
        b.HasIndex(t => new { t.Assignee, t.Due, t.Category });
        b.HasIndex(t => new { t.Due, t.CreatedAt });
        b.HasIndex(t => t.CreatedAt);
        b.HasIndex(t => t.TaskDefinitionKey);
        b.HasIndex(t => t.Owner).HasFilter("\"Owner\" IS NOT NULL");
        b.HasIndex(t => new { t.Category, t.Due, t.CreatedAt, t.Priority, t.Id }).HasFilter("\"Category\" IS NOT NULL");
    }

    public void Configure(EntityTypeBuilder<TaskCandidateRow> b)
    {
        b.HasIndex(c => new { c.Kind, c.Value, c.Due, c.CreatedAt, c.TaskId });
        b.HasIndex(c => new { c.Kind, c.Value, c.Category, c.Due, c.CreatedAt, c.TaskId });
    }
}
