using System.Text.RegularExpressions;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Designer;

/// <summary>Tabel keputusan: every decision key (DMN) with its published versions and open draft; a new table by key.</summary>
public sealed partial class DecisionsModel(DecisionDesigns designs) : PageModel
{
    public IReadOnlyList<Decision> Decisions { get; private set; } = [];

    [BindProperty]
    public string? NewKey { get; set; }

    public string? KeyError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await designs.VersionsAsync(ct: ct);
        var drafts = await designs.DraftsAsync(ct);
        Decisions = versions.Select(v => v.Key).Concat(drafts.Select(d => d.Key)).Distinct().Order(StringComparer.Ordinal)
            .Select(key => new Decision(key, versions.Where(v => v.Key == key).ToList(), drafts.FirstOrDefault(d => d.Key == key)))
            .ToList();
    }

    /// <summary>A new table starts from its key, which becomes the DMN decision id that business rule tasks name.</summary>
    public async Task<IActionResult> OnPostNewAsync(CancellationToken ct)
    {
        var key = NewKey?.Trim() ?? "";
        if (!KeyPattern().IsMatch(key))
        {
            KeyError = "Designer.Decisions.KeyInvalid";
            await OnGetAsync(ct);
            return Page();
        }
        return Redirect($"/Desain/Keputusan/{Uri.EscapeDataString(key)}?baru=true");
    }

    /// <summary>An XML id (NCName) of at most 128 characters, so it can be the decision id.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.-]{0,127}$")]
    public static partial Regex KeyPattern();

    public sealed record Decision(string Key, IReadOnlyList<ProcessVersion> Versions, DesignDraft? Draft);
}
