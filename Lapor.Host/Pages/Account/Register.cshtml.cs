using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Pages.Account;

/// <summary>
/// Daftar: a citizen's account, so reports can be followed under "Laporan saya" without keeping codes. The e-mail
/// address is the user name; name, e-mail and phone are judged by the same rules as a guest's contact.
/// </summary>
public sealed class RegisterModel(UserManager<LaporUser> users, SignInManager<LaporUser> signIn, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identity, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int PasswordLength => identity.Value.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var contact = Reporter.Guest(Form.Name, Form.Email, Form.Phone);
        foreach (var error in contact.Errors.Where(e => e.Field != "Contact"))
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", text.Message(error));
        if (string.IsNullOrWhiteSpace(Form.Email))
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Email)}",
                text.Message(ReportMessages.ForField(nameof(Input.Email), ReportMessages.Required)));
        if (string.IsNullOrEmpty(Form.Password))
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Password)}", text["Account.Password.Required"]);
        else if (Form.Password != Form.ConfirmPassword)
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.ConfirmPassword)}", text["Account.Password.Mismatch"]);
        if (!ModelState.IsValid || contact.Value is not { Email: { } email } person)
            return Page();

        var user = new LaporUser { UserName = email, Email = email, DisplayName = person.Name, PhoneNumber = person.Phone };
        var created = await users.CreateAsync(user, Form.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(KeyOf(error), Describe(error));
            return Page();
        }
        // The role exists on every database, demo or not, from the first registration on.
        if (!await roles.RoleExistsAsync(Roles.Reporter))
            await roles.CreateAsync(new IdentityRole(Roles.Reporter));
        await users.AddToRoleAsync(user, Roles.Reporter);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Notice"] = text["Account.Registered"].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Saya/Laporan");
    }

    private static string KeyOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Input.Password)}"
        : error.Code.Contains("UserName", StringComparison.Ordinal) || error.Code.Contains("Email", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Input.Email)}"
        : "";

    private string Describe(IdentityError error) => IdentityErrorText.Describe(text, error, PasswordLength);

    public sealed record Input
    {
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public string? Password { get; init; }
        public string? ConfirmPassword { get; init; }
    }
}
