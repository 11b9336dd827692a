using System.Security.Claims;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// A period export is asked for here and built in the background (decision 036): the request answers at once with the
/// export to watch, and only the account that asked sees its progress and fetches its file.
/// </summary>
public sealed class ExportRequests(LaporDb db, IAttachmentStore files, ISchedulerFactory schedulers, TimeProvider clock)
{
    public async Task<PreparedExport> RequestAsync(ClaimsPrincipal user, Period period, string format, string? revealReason, CancellationToken ct = default)
    {
        var actor = user.Identity?.Name ?? throw new InvalidOperationException("Exports need a signed-in user.");
        if (!ExportFormats.Names.Contains(format))
            throw new ArgumentException($"'{format}' is not an export format (csv, json, xlsx).", nameof(format));
        var reason = string.IsNullOrWhiteSpace(revealReason) ? null : revealReason.Trim();
        if (reason is not null && !AuditAccess.MayRevealReporter(user))
            throw new UnauthorizedAccessException("Only an auditor may reveal a reporter.");
        var escalatedOnly = AuditAccess.EscalatedOnly(user);
        var now = clock.GetUtcNow().UtcDateTime;
        // The same plain request while its export is still being prepared (a double click, an impatient second try)
        // joins it; once that one is done, asking again means wanting today's cases, so a new one is made. Every reveal
        // is its own export, logged on its own.
        if (reason is null)
        {
            var same = await db.PreparedExports.AsNoTracking()
                .Where(e => e.RequestedBy == actor && e.Period == period.Code && e.Format == format && e.RevealReason == null
                            && e.EscalatedOnly == escalatedOnly && (e.State == PreparedExportState.Queued || e.State == PreparedExportState.Building))
                .OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(ct);
            if (same is not null)
                return same;
        }
        var export = new PreparedExport
        {
            Id = Guid.CreateVersion7(), RequestedBy = actor, Period = period.Code, Format = format, EscalatedOnly = escalatedOnly,
            RevealReason = reason, State = PreparedExportState.Queued, CreatedAt = now,
        };
        db.PreparedExports.Add(export);
        await db.SaveChangesAsync(ct);
        await PrepareExportsJob.RunNowAsync(schedulers, ct);
        return export;
    }

    /// <summary>The export when <paramref name="user"/> asked for it; null otherwise, so nobody learns of another's export.</summary>
    public Task<PreparedExport?> FindAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var actor = user.Identity?.Name;
        return db.PreparedExports.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.RequestedBy == actor, ct);
    }

    /// <summary>The finished file, or null while it is being built (or when it failed or expired).</summary>
    public async Task<Stream?> OpenAsync(PreparedExport export, CancellationToken ct = default) =>
        export.State == PreparedExportState.Ready ? await files.OpenAsync(export.StoredName, ct) : null;
}
