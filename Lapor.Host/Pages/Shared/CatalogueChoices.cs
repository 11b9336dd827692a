using Lapor.Domain.Agencies;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Lapor.Host.Localization;

namespace Lapor.Host.Pages.Shared;

/// <summary>The catalogue as pickers and lists need it: names by code, and options grouped by kind of institution.</summary>
public static class CatalogueChoices
{
    public static Task<Dictionary<string, string>> CategoryNamesAsync(this LaporDb db, CancellationToken ct) =>
        db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);

    /// <summary>Categories a reporter can choose (<paramref name="activeOnly"/>) or filter by (all, since old reports keep theirs).</summary>
    public static async Task<List<SelectListItem>> CategoryOptionsAsync(this LaporDb db, bool activeOnly, CancellationToken ct)
    {
        var query = db.Categories.AsNoTracking();
        if (activeOnly)
            query = query.Where(c => c.IsActive);
        var rows = await query.Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return rows.OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new SelectListItem(c.Name, c.Code)).ToList();
    }

    public static async Task<List<SelectListItem>> AgencyOptionsAsync(this LaporDb db, bool activeOnly, IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (activeOnly)
            query = query.Where(a => a.IsActive);
        var rows = await query.Select(a => new { a.Code, a.Name, a.Kind }).ToListAsync(ct);
        var groups = Enum.GetValues<AgencyKind>().ToDictionary(k => k, k => new SelectListGroup { Name = text["AgencyKind." + k].Value });
        return rows.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new SelectListItem(a.Name, a.Code) { Group = groups[a.Kind] }).ToList();
    }
}
