namespace Lapor.Host.Inbox;

public sealed record InboxPage(IReadOnlyList<InboxRow> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
