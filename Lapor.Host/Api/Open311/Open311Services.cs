using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// The service list: every active report category, described in the client's language (the category and agency names
/// are catalogue data, in Indonesian), grouped by its default agency.
/// </summary>
public sealed class Open311Services(LaporDb db, IStringLocalizer<PortalText> text)
{
    public async Task<IReadOnlyList<Open311Service>> ListAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.Name, c.DefaultAgencyCode }).ToListAsync(ct);
        return categories.Select(c =>
        {
            var agency = agencies.GetValueOrDefault(c.DefaultAgencyCode, c.DefaultAgencyCode);
            return new Open311Service(c.Code, c.Name,
                text["Api.Open311.ServiceDescription", c.Name, agency],
                Metadata: false, Type: "realtime", Keywords: Keywords(c.Code, c.Name), Group: agency);
        }).ToList();
    }

    public async Task<bool> ExistsAsync(string code, CancellationToken ct) =>
        await db.Categories.AsNoTracking().AnyAsync(c => c.Code == code && c.IsActive, ct);

    private static string Keywords(string code, string name) =>
        string.Join(",", name.ToLowerInvariant().Split([' ', ',', '/', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && w is not ("dan" or "atau" or "yang"))
            .Prepend(code).Distinct());
}
