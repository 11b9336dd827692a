using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Admin.Users;

/// <summary>
/// Ubah pengguna: one role and its agency, and activation. An administrator cannot lock themselves out, neither by
/// deactivating their own account nor by dropping their own Administrator role.
/// </summary>
public sealed class EditModel(LaporDb db, UserManager<LaporUser> users, RoleManager<IdentityRole> roles, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public LaporUser Account { get; private set; } = null!;

    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];

    public IReadOnlyList<AgencyOption> Agencies { get; private set; } = [];

    // The role the form starts on: Administrator wins, so saving one's own account unchanged never drops it.
    private string? PrimaryRole => CurrentRoles.Contains(Roles.Administrator) ? Roles.Administrator : CurrentRoles.FirstOrDefault();

    public bool IsSelf => Account.Id == users.GetUserId(User);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Form = new Input { Role = PrimaryRole, AgencyCode = Account.AgencyCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var agencyCode = string.IsNullOrWhiteSpace(Form.AgencyCode) ? null : Form.AgencyCode.Trim();
        foreach (var (field, key) in RoleAssignment.Validate(Form.Role, agencyCode, Agencies.Select(a => a.Code).ToList()))
            ModelState.AddModelError($"{nameof(Form)}.{field}", text[key]);
        if (IsSelf && Form.Role != Roles.Administrator)
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Role)}", text["Admin.Users.Self.Role"]);
        if (!ModelState.IsValid)
            return Page();

        var role = Form.Role!;
        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new IdentityRole(role));
        // One role per account keeps the access rules readable; the demo administrator's second role goes on first edit.
        var removed = CurrentRoles.Where(r => r != role).ToList();
        if (removed.Count > 0)
            await users.RemoveFromRolesAsync(Account, removed);
        if (!CurrentRoles.Contains(role))
            await users.AddToRoleAsync(Account, role);
        Account.AgencyCode = agencyCode;
        await users.UpdateAsync(Account);
        // A new stamp makes the cookie of a signed-in user be re-issued with the new role and agency claims.
        await users.UpdateSecurityStampAsync(Account);
        TempData["Notice"] = text["Admin.Users.Saved", Account.UserName!].Value;
        return LocalRedirect($"/Admin/Pengguna/{Account.Id}");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (IsSelf)
        {
            ModelState.AddModelError("", text["Admin.Users.Self.Deactivate"]);
            Form = new Input { Role = PrimaryRole, AgencyCode = Account.AgencyCode };
            return Page();
        }
        Account.Deactivate();
        await users.UpdateAsync(Account);
        await users.UpdateSecurityStampAsync(Account);
        TempData["Notice"] = text["Admin.Users.Deactivated", Account.UserName!].Value;
        return LocalRedirect($"/Admin/Pengguna/{Account.Id}");
    }

    public async Task<IActionResult> OnPostActivateAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Account.Activate();
        await users.UpdateAsync(Account);
        TempData["Notice"] = text["Admin.Users.Activated", Account.UserName!].Value;
        return LocalRedirect($"/Admin/Pengguna/{Account.Id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } account)
            return false;
        Account = account;
        CurrentRoles = [.. await users.GetRolesAsync(account)];
        Agencies = await AgencyOption.LoadActiveAsync(db, cancellationToken);
        return true;
    }

    public sealed record Input
    {
        public string? Role { get; init; }
        public string? AgencyCode { get; init; }
    }
}
