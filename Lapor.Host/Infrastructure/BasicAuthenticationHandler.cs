using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Lapor.Host.Data;
using Lapor.Host.Hardening;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// HTTP Basic against the product's Identity accounts, for API clients (the Camunda REST convention). Lockout applies
/// as on the login page, so the API is no way around it; so does the login page's per-address budget of password
/// checks (<see cref="PasswordThrottle"/>), answered with 429 and Retry-After.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<LaporUser> signIn,
    PasswordThrottle throttle) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return AuthenticateResult.NoResult();

        string userName, password;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            if (colon < 0)
                return AuthenticateResult.Fail("Basic credentials must be user:password.");
            (userName, password) = (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Basic credentials are not valid base64.");
        }

        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is null || !VerifiedRecently(userName, password, user))
        {
            // Counted before the hash and before lockout, for unknown names too (they are guesses all the same).
            if (!throttle.TryCheckPassword(Context.Connection.RemoteIpAddress, out var wait))
                return Throttled(wait, "Too many sign-in attempts from this address.");
            if (user is null)
                return AuthenticateResult.Fail("Unknown user or wrong password.");
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (!result.Succeeded)
                return AuthenticateResult.Fail(result.IsLockedOut ? "The account is locked." : "Unknown user or wrong password.");
            Remember(userName, password, user);
        }
        else if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The account is locked.");
        }
        if (!throttle.TryCallAsAccount(user.UserName ?? userName, out var accountWait))
            return Throttled(accountWait, "Too many requests for this account.");

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    /// <summary>
    /// API clients send the password with every request, and checking it costs a deliberately slow hash (about 0.1 s of
    /// CPU). A successful check is remembered for a few minutes under a hash of the credentials, tied to the account's
    /// security stamp, so a password change or deactivation (lockout, checked on every request) ends it at once.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset Until)> Verified = new();
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 10_000;

    private bool VerifiedRecently(string userName, string password, LaporUser user) =>
        Verified.TryGetValue(Key(userName, password), out var entry)
        && entry.Until > TimeProvider.GetUtcNow() && entry.Stamp == user.SecurityStamp;

    private void Remember(string userName, string password, LaporUser user)
    {
        if (Verified.Count >= MaxRemembered)
            Verified.Clear();
        Verified[Key(userName, password)] = (user.SecurityStamp ?? "", TimeProvider.GetUtcNow() + RememberFor);
    }

    // Keyed with a per-process secret, so what sits in memory is no plain hash of anyone's password.
    private static readonly byte[] Pepper = RandomNumberGenerator.GetBytes(32);

    private static string Key(string userName, string password) =>
        Convert.ToHexString(HMACSHA256.HashData(Pepper, Encoding.UTF8.GetBytes(userName + "\n" + password)));

    private TimeSpan? _retryAfter;

    // The refusal is answered when the request is challenged, as 429 rather than 401: the credentials were never checked.
    private AuthenticateResult Throttled(TimeSpan retryAfter, string reason)
    {
        _retryAfter = retryAfter;
        return AuthenticateResult.Fail(reason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_retryAfter is { } wait)
            return RateLimitSetup.RefuseAsync(Context, wait);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Lapor engine\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
