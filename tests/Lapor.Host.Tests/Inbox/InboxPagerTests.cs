using Lapor.Host.Inbox;

namespace Lapor.Host.Tests.Inbox;

/// <summary>The pager of an inbox whose count stopped at <see cref="TaskInbox.CountedUpTo"/>: "page 50 of 50+", and on.</summary>
public sealed class InboxPagerTests
{
    private static InboxPage Page(int page, int items, int total, bool more) =>
        new(Enumerable.Range(0, items).Select(_ => (InboxRow)null!).ToList(), page, PageSize: 20, total, Kinds: [], more);

    [Fact]
    public void ACountedList_EndsAtItsLastPage()
    {
        Assert.Equal(3, Page(1, 20, total: 41, more: false).PageCount);
        Assert.True(Page(2, 20, total: 41, more: false).HasNext);
        Assert.False(Page(3, 1, total: 41, more: false).HasNext);
    }

    [Fact]
    public void AListCountedOnlyUpToTheLimit_GoesOnPastIt_WhilePagesAreFull()
    {
        var counted = (TaskInbox.CountedUpTo + 19) / 20;
        Assert.Equal(counted, Page(1, 20, total: TaskInbox.CountedUpTo, more: true).PageCount);
        var last = Page(counted, 20, total: TaskInbox.CountedUpTo, more: true);
        Assert.Equal(counted, last.PageCount);
        Assert.True(last.HasNext);
        var beyond = Page(counted + 3, 20, total: TaskInbox.CountedUpTo, more: true);
        Assert.True(beyond.HasNext);
        Assert.Equal(counted + 3, beyond.PageCount);
        Assert.False(Page(counted + 4, 7, total: TaskInbox.CountedUpTo, more: true).HasNext);
    }
}
