using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Status;

/// <summary>
/// The page people see for an error status (re-executed by the status-code middleware). It takes any method and no
/// antiforgery token: a refused POST is re-executed here as a POST.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>The statuses with their own words; any other is told with <c>Status.Other.*</c>.</summary>
    public static readonly int[] Described = [400, 403, 404, 413, 429, 500];

    public string TitleKey => KeyOf(Code) + ".Title";

    public string TextKey => KeyOf(Code) + ".Text";

    public static string KeyOf(int code) => Described.Contains(code) ? $"Status.{code}" : "Status.Other";

    /// <summary>Shown on the 500 page: the id the log line of the failed request carries.</summary>
    public string CorrelationId => HttpContext.TraceIdentifier;

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    // Reached directly too (the sign-in cookie's access-denied redirect lands on /Status/403): the answer must carry
    // the status it describes, not 200.
    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
    }
}
