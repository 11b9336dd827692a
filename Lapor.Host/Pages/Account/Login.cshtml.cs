using Lapor.Host.Data;
using Lapor.Host.Hardening;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Account;

/// <summary>
/// Masuk: signs in with the e-mail address (citizens) or the user name (officers). Lockout applies, behind the
/// per-address budget of password checks (<see cref="PasswordThrottle"/>).
/// </summary>
public sealed class LoginModel(SignInManager<LaporUser> signIn, PasswordThrottle throttle, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Form.UserName) || string.IsNullOrEmpty(Form.Password))
        {
            ModelState.AddModelError("", text["Account.Login.Missing"]);
            return Page();
        }
        if (!throttle.TryCheckPassword(HttpContext.Connection.RemoteIpAddress, out var wait))
        {
            // The form again, with its own words, answered as 429 with Retry-After (a body, so no status page replaces it).
            var seconds = PasswordThrottle.Seconds(wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", text["Account.Login.Throttled", (seconds + 59) / 60]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Form.UserName.Trim(), Form.Password, Form.RememberMe, lockoutOnFailure: true);
        var user = await signIn.UserManager.FindByNameAsync(Form.UserName.Trim());
        if (result.Succeeded)
        {
            // Staff start in their task inbox, citizens in their own reports.
            var staff = user is not null && (await signIn.UserManager.GetRolesAsync(user)).Intersect(Lapor.Host.Inbox.TaskInbox.StaffRoles.Split(',')).Any();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : staff ? "/Tugas" : "/Saya/Laporan");
        }
        // A deactivated account is said so only to someone who knows its password; otherwise one message for a wrong
        // name and a wrong password, so the form does not reveal which accounts exist.
        var deactivated = user is { IsActive: false } && await signIn.UserManager.CheckPasswordAsync(user, Form.Password);
        ModelState.AddModelError("", deactivated ? text["Account.Login.Deactivated"]
            : result.IsLockedOut ? text["Account.Login.LockedOut"] : text["Account.Login.Failed"]);
        return Page();
    }

    public sealed record Input
    {
        public string? UserName { get; init; }
        public string? Password { get; init; }
        public bool RememberMe { get; init; }
    }
}
