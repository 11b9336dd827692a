using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Tracking;

/// <summary>Lacak: the tracking-code form. A code typed loosely (lower case, spaces, no dashes) still finds the report.</summary>
public sealed class IndexModel(IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    public IActionResult OnGet()
    {
        if (Code is null)
            return Page();
        if (TrackingCode.TryParse(Code, out var code))
            return RedirectToPage("/Tracking/Report", new { code = code.ToString() });
        ModelState.AddModelError("kode", text["Track.CodeInvalid"]);
        return Page();
    }
}
