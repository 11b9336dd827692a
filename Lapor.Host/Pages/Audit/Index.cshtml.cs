using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Audit;

/// <summary>The auditor's start page: open a case, the agency figures, the integrity check and exports.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
