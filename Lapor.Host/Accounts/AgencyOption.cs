using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Accounts;

/// <summary>An agency an officer can be assigned to, as the user forms list it.</summary>
public sealed record AgencyOption(string Code, string Name)
{
    /// <summary>Only active agencies: a deactivated one receives no new reports, so no new officer either.</summary>
    public static Task<List<AgencyOption>> LoadActiveAsync(LaporDb db, CancellationToken cancellationToken = default) =>
        db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Code, a.Name)).ToListAsync(cancellationToken);
}
