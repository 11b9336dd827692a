using System.Collections.Concurrent;

namespace Lapor.Host.Inbox;

/// <summary>
/// Whose inbox was last seen holding more tasks than an inbox counts (<see cref="TaskInbox.CountedUpTo"/>), for a short
/// while. Finding that out reads that many tasks plus one on every visit (at a million reports an officer sees about
/// 3,800), only to show "page 1 of 10+" and every kind of open task in the filter; for this long after, a visit shows
/// the same without reading them. A list that shrinks meanwhile shows "10+" until then; nothing else changes.
/// </summary>
public sealed class LongInboxes(TimeProvider clock)
{
    /// <summary>How long a count that went past the limit is trusted.</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="userName"/>'s inbox was counted past the limit less than <see cref="RememberedFor"/> ago.</summary>
    public bool IsLong(string userName) => _until.TryGetValue(userName, out var until) && clock.GetUtcNow() < until;

    /// <summary>The result of counting <paramref name="userName"/>'s inbox; only a count, never a remembered answer, restarts the time.</summary>
    public void Counted(string userName, bool longerThanCounted)
    {
        if (longerThanCounted)
            _until[userName] = clock.GetUtcNow() + RememberedFor;
        else
            _until.TryRemove(userName, out _);
    }
}
