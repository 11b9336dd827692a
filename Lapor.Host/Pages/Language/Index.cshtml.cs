using Lapor.Host.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Language;

/// <summary>The language switch: remembers the choice in a cookie for a year and goes back to the page it came from.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? bahasa, string? kembali)
    {
        var culture = PortalCultures.Resolve(bahasa);
        Response.Cookies.Append(PortalCultures.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, Path = "/" });
        // Only back into this site: the return address comes from the form and could be tampered with.
        return LocalRedirect(Url.IsLocalUrl(kembali) ? kembali : "/");
    }
}
