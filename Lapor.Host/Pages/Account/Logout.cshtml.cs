using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Account;

/// <summary>Keluar: signing out is a POST (from the menu), so a link on another site cannot sign a reporter out.</summary>
public sealed class LogoutModel(SignInManager<LaporUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
