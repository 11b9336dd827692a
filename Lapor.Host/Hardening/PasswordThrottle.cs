using System.Net;
using System.Threading.RateLimiting;

namespace Lapor.Host.Hardening;

/// <summary>
/// Budgets the two places a password is checked (the sign-in form and HTTP Basic) together, per client address, and
/// budgets HTTP Basic requests per account. It is consulted just before the slow password hash runs, so a remembered
/// Basic credential or a form posted without a password costs nothing, and an address that has spent its budget gets
/// 429 before lockout can count its attempt: one stranger cannot lock an officer out (the budget is below
/// <see cref="RateLimitSettings.LockoutThreshold"/>, checked at start-up).
/// </summary>
public sealed class PasswordThrottle : IDisposable
{
    private readonly RateLimitSettings _settings;
    private readonly PartitionedRateLimiter<string> _checksPerAddress;
    private readonly PartitionedRateLimiter<string> _callsPerAccount;

    public PasswordThrottle(RateLimitSettings settings)
    {
        _settings = settings;
        _checksPerAddress = Windows(settings.SignIn);
        _callsPerAccount = Windows(settings.ApiPerAccount);
    }

    /// <summary>Takes one password check from the address's budget; false (with the wait) when it is spent.</summary>
    public bool TryCheckPassword(IPAddress? address, out TimeSpan retryAfter) =>
        TryTake(_checksPerAddress, address?.ToString() ?? "unknown", out retryAfter);

    /// <summary>Takes one API call from the account's budget (signed in with HTTP Basic).</summary>
    public bool TryCallAsAccount(string userName, out TimeSpan retryAfter) =>
        TryTake(_callsPerAccount, userName.ToUpperInvariant(), out retryAfter);

    private bool TryTake(PartitionedRateLimiter<string> limiter, string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_settings.Enabled)
            return true;
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return false;
    }

    // Partitioned limiters drop idle partitions, so spoofed addresses or invented user names cannot grow memory.
    private static PartitionedRateLimiter<string> Windows(RateLimitSettings.Budget budget) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = budget.PermitLimit, Window = budget.Window, QueueLimit = 0 }));

    /// <summary>Whole seconds for a Retry-After header, at least one.</summary>
    public static int Seconds(TimeSpan retryAfter) => (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));

    public void Dispose()
    {
        _checksPerAddress.Dispose();
        _callsPerAccount.Dispose();
    }
}
