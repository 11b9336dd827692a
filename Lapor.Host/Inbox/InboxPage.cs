using Lapor.Workflows.Queries;

namespace Lapor.Host.Inbox;

/// <param name="Kinds">The kinds of task the user may see (the filter's choices), whatever the filters.</param>
public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Page, int PageSize, int Total, IReadOnlyList<TaskKind> Kinds)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
