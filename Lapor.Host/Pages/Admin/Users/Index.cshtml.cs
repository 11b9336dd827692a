using Lapor.Host.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Pages.Admin.Users;

/// <summary>Pengguna: every account with its roles, agency and status; paged because registered citizens are accounts too.</summary>
public sealed class IndexModel(LaporDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "halaman", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var page = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.AgencyCode, u.IsActive,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        HasNext = page.Count > PageSize;
        Users = page.Take(PageSize)
            .Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.Roles.Order().ToList(),
                u.AgencyCode is null ? null : agencies.GetValueOrDefault(u.AgencyCode, u.AgencyCode), u.IsActive))
            .ToList();
    }

    public sealed record Row(string Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, string? Agency, bool IsActive);
}
