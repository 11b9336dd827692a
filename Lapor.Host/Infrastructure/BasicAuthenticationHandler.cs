using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// HTTP Basic against the product's Identity accounts, for API clients (the Camunda REST convention). Lockout applies
/// as on the login page, so the API is no way around it.
/// </summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<LaporUser> signIn) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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
        if (user is null)
            return AuthenticateResult.Fail("Unknown user or wrong password.");
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
            return AuthenticateResult.Fail(result.IsLockedOut ? "The account is locked." : "Unknown user or wrong password.");

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Lapor engine\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
