using System.Net.Mail;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Pages.Admin.Users;

/// <summary>Tambah pengguna: an account with one role and, for agency roles, the agency it works for.</summary>
public sealed class CreateModel(LaporDb db, UserManager<LaporUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> identity, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    public int PasswordLength => identity.Value.Password.RequiredLength;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await AgencyOption.LoadActiveAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Agencies = await AgencyOption.LoadActiveAsync(db, cancellationToken);
        var userName = Form.UserName?.Trim();
        var agencyCode = string.IsNullOrWhiteSpace(Form.AgencyCode) ? null : Form.AgencyCode.Trim();
        string? email = null;
        if (string.IsNullOrEmpty(userName))
            Error(nameof(Input.UserName), "Admin.Users.UserName.Required");
        if (string.IsNullOrWhiteSpace(Form.DisplayName))
            Error(nameof(Input.DisplayName), "Admin.Users.DisplayName.Required");
        if (!string.IsNullOrWhiteSpace(Form.Email))
        {
            // MailAddress also accepts "Name <a@b>"; an account needs the bare address.
            if (MailAddress.TryCreate(Form.Email.Trim(), out var parsed) && parsed.Address == Form.Email.Trim())
                email = parsed.Address;
            else
                Error(nameof(Input.Email), "Admin.Users.Email.Invalid");
        }
        if (string.IsNullOrEmpty(Form.Password))
            Error(nameof(Input.Password), "Account.Password.Required");
        foreach (var (field, key) in RoleAssignment.Validate(Form.Role, agencyCode, Agencies.Select(a => a.Code).ToList()))
            Error(field, key);
        if (!ModelState.IsValid)
            return Page();

        var user = new LaporUser { UserName = userName, DisplayName = Form.DisplayName!.Trim(), Email = email, AgencyCode = agencyCode };
        var created = await users.CreateAsync(user, Form.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(KeyOf(error), Describe(error));
            return Page();
        }
        // Roles exist on a demo database; a production one gets each role the first time an administrator assigns it.
        if (!await roles.RoleExistsAsync(Form.Role!))
            await roles.CreateAsync(new IdentityRole(Form.Role!));
        await users.AddToRoleAsync(user, Form.Role!);
        TempData["Notice"] = text["Admin.Users.Created", user.UserName!].Value;
        return LocalRedirect("/Admin/Pengguna");
    }

    private void Error(string field, string key) => ModelState.AddModelError($"{nameof(Form)}.{field}", text[key]);

    private static string KeyOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Input.Password)}"
        : error.Code.Contains("UserName", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Input.UserName)}"
        : error.Code.Contains("Email", StringComparison.Ordinal) ? $"{nameof(Form)}.{nameof(Input.Email)}"
        : "";

    // User-name errors get the administrator's wording, password errors the portal's.
    private string Describe(IdentityError error) => IdentityErrorText.Describe(text, error, PasswordLength, error.Code switch
    {
        "DuplicateUserName" => "Admin.Users.UserName.Taken",
        "InvalidUserName" => "Admin.Users.UserName.Invalid",
        "InvalidEmail" => "Admin.Users.Email.Invalid",
        _ => null,
    });

    public sealed record Input
    {
        public string? UserName { get; init; }
        public string? DisplayName { get; init; }
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? Role { get; init; }
        public string? AgencyCode { get; init; }
    }
}
