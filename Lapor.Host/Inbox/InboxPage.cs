using Lapor.Workflows.Queries;

namespace Lapor.Host.Inbox;

/// <param name="Total">The number of tasks the filters leave; with <paramref name="More"/>, the count stopped there and there are more.</param>
/// <param name="Kinds">The kinds of task the user may see (the filter's choices), whatever the filters.</param>
/// <param name="More">Whether there are more than <paramref name="Total"/> tasks (<see cref="TaskInbox.CountedUpTo"/>).</param>
public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Page, int PageSize, int Total, IReadOnlyList<TaskKind> Kinds, bool More = false)
{
    /// <summary>
    /// The last page there is; with <see cref="More"/>, the last one counted or this one, whichever is further ("page 53
    /// of 53+", not "of 50+").
    /// </summary>
    public int PageCount => Total == 0 ? 1 : Math.Max((Total + PageSize - 1) / PageSize, More ? Page : 1);

    /// <summary>Whether the pager offers "next": up to the last page counted, and past the count while pages are full.</summary>
    public bool HasNext => More ? Items.Count == PageSize : Page < PageCount;
}
