using Lapor.Host.Inbox;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Inbox;

/// <summary>How long an inbox counted past the limit is taken as long without counting it again.</summary>
public sealed class LongInboxesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ACountPastTheLimit_HoldsForItsTime_ThenExpires()
    {
        var inboxes = new LongInboxes(_clock);
        Assert.False(inboxes.IsLong("koordinator"));

        inboxes.Counted("koordinator", longerThanCounted: true);
        _clock.Advance(LongInboxes.RememberedFor - TimeSpan.FromSeconds(1));
        Assert.True(inboxes.IsLong("koordinator"));
        Assert.False(inboxes.IsLong("puprkim.petugas"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(inboxes.IsLong("koordinator"));
    }

    [Fact]
    public void AShortCount_ForgetsAnEarlierLongOne()
    {
        var inboxes = new LongInboxes(_clock);
        inboxes.Counted("koordinator", longerThanCounted: true);

        inboxes.Counted("koordinator", longerThanCounted: false);

        Assert.False(inboxes.IsLong("koordinator"));
    }
}
