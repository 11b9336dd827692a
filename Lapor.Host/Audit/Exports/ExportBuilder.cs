using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Infrastructure;
using Lapor.Host.Reports;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// Builds the period exports that are waiting (decision 036), oldest first, on whichever host's
/// <see cref="PrepareExportsJob"/> claims them. A build reads the period's cases a step at a time in submission order,
/// writes their rows to a file as it goes, moves its progress (and its claim) on after each step, and stores the
/// finished file in the attachment store, so every host can hand it out. A reveal is logged, with every case of the
/// period, before the first row is written.
/// </summary>
public sealed class ExportBuilder(
    LaporDb db, AuditExporter exporter, CaseLocator cases, RevealLog reveals, IAttachmentStore files, BusinessCalendar calendar,
    LaporOptions options, IHostEnvironment env, TimeProvider clock, ILogger<ExportBuilder> log)
{
    /// <summary>
    /// Where a file is written while it is built: under the data folder, not the system's temporary folder, which is
    /// often a small in-memory file system, and a month at national scale is a couple of hundred megabytes.
    /// </summary>
    public const string BuildFolder = "ekspor-sementara";

    /// <summary>A build not heard from for this long belonged to a host that stopped; another takes it over.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    /// <summary>Builds every waiting export, one after another; returns how many were finished (ready or failed).</summary>
    public async Task<int> BuildWaitingAsync(CancellationToken ct)
    {
        var finished = 0;
        while (await ClaimNextAsync(ct) is { } export)
        {
            await BuildAsync(export, ct);
            finished++;
        }
        return finished;
    }

    /// <summary>Removes the files and rows of exports finished more than <c>KeepHours</c> ago.</summary>
    public async Task<int> ForgetExpiredAsync(CancellationToken ct)
    {
        var before = Now.AddHours(-options.Exports.KeepHours);
        var expired = await db.PreparedExports.AsNoTracking()
            .Where(e => (e.State == PreparedExportState.Ready || e.State == PreparedExportState.Failed) && e.FinishedAt < before)
            .ToListAsync(ct);
        foreach (var export in expired)
        {
            await files.DeleteAsync(export.StoredName, ct);
            await db.PreparedExports.Where(e => e.Id == export.Id).ExecuteDeleteAsync(ct);
        }
        return expired.Count;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<PreparedExport?> ClaimNextAsync(CancellationToken ct)
    {
        // Another host may claim the same export between the look and the update; then look again.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var now = Now;
            var next = await Claimable(now).OrderBy(e => e.CreatedAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (next is not { } id)
                return null;
            var claimed = await Claimable(now).Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, PreparedExportState.Building)
                .SetProperty(e => e.ClaimedUntil, now + Claim)
                .SetProperty(e => e.CasesDone, 0), ct);
            if (claimed == 1)
                return await db.PreparedExports.AsNoTracking().SingleAsync(e => e.Id == id, ct);
        }
        return null;
    }

    private IQueryable<PreparedExport> Claimable(DateTime now) => db.PreparedExports.Where(e =>
        e.State == PreparedExportState.Queued || (e.State == PreparedExportState.Building && e.ClaimedUntil < now));

    private async Task BuildAsync(PreparedExport export, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(options.DataDirectory(env), BuildFolder)).FullName;
        var temporary = Path.Combine(folder, $"{Guid.NewGuid():N}-{export.StoredName}");
        try
        {
            var (written, length) = await WriteAsync(export, temporary, ct);
            await using (var content = File.OpenRead(temporary))
            {
                // A build taken over from a stopped host may find its predecessor's file half stored.
                await files.DeleteAsync(export.StoredName, ct);
                await files.SaveAsync(export.StoredName, content, content.Length, ct);
            }
            await db.PreparedExports.Where(e => e.Id == export.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, PreparedExportState.Ready)
                .SetProperty(e => e.CasesWritten, written)
                .SetProperty(e => e.Length, length)
                .SetProperty(e => e.FinishedAt, Now), ct);
            log.LogInformation("Export {Id} ({Scope}, {Format}) for {User}: {Cases} cases, {Bytes} bytes", export.Id, export.Scope, export.Format,
                export.RequestedBy, written, length);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "Export {Id} ({Scope}, {Format}) failed", export.Id, export.Scope, export.Format);
            await db.PreparedExports.Where(e => e.Id == export.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.State, PreparedExportState.Failed)
                .SetProperty(e => e.Error, ex.GetType().Name)
                .SetProperty(e => e.FinishedAt, Now), CancellationToken.None);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<(int Written, long Length)> WriteAsync(PreparedExport export, string path, CancellationToken ct)
    {
        if (!Period.TryParse(export.Period, out var period))
            throw new InvalidOperationException($"'{export.Period}' is not a period.");
        var (start, end) = period.Bounds(calendar.Zone);
        var inPeriod = db.Reports.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
        var total = await inPeriod.CountAsync(ct);
        await ProgressAsync(export, 0, total, ct);

        var reveal = export.RevealReason is not null;
        if (reveal)
        {
            var codes = await inPeriod.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Select(r => r.TrackingCode).ToListAsync(ct);
            await reveals.RecordAsync(export.RequestedBy, export.RevealReason!, export.Scope, codes.ConvertAll(c => c.ToString()), ct);
        }

        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, useAsync: true);
        var file = ExportFile.For(export.Format, output,
            new ExportFile.Header(clock.GetUtcNow(), export.RequestedBy, export.Scope, reveal, export.RevealReason));
        var step = Math.Max(1, options.Exports.CasesPerStep);
        var (read, written) = (0, 0);
        DateTimeOffset? lastAt = null;
        var readAtLast = new HashSet<Guid>();
        while (true)
        {
            // Paged on the submission index from the last instant read, so every step costs the same however far into
            // the period; reports of that instant already read are skipped (two may share one).
            var page = lastAt is { } at ? inPeriod.Where(r => r.SubmittedAt >= at) : inPeriod;
            var reports = (await page.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(step + readAtLast.Count).ToListAsync(ct))
                .Where(r => !readAtLast.Contains(r.Id)).Take(step).ToList();
            if (reports.Count == 0)
                break;
            if (reports[^1].SubmittedAt != lastAt)
                readAtLast.Clear();
            lastAt = reports[^1].SubmittedAt;
            readAtLast.UnionWith(reports.Where(r => r.SubmittedAt == lastAt).Select(r => r.Id));
            read += reports.Count;
            IReadOnlyList<Report> chosen = reports;
            if (export.EscalatedOnly)
            {
                var escalated = await cases.EscalatedAsync(reports.Select(r => r.ProcessInstanceId).OfType<string>().ToList(), ct);
                chosen = reports.Where(r => r.ProcessInstanceId is { } instance && escalated.Contains(instance)).ToList();
            }
            var taken = await file.AddAsync(await exporter.CasesAsync(chosen, reveal, ct), ct);
            written += taken;
            await ProgressAsync(export, Math.Min(read, total), total, ct);
            if (taken < chosen.Count)
                break; // the file is full (XLSX's cap)
        }
        await file.FinishAsync(ct);
        await ProgressAsync(export, total, total, ct);
        return (written, output.Length);
    }

    /// <summary>Moves the progress on and renews the claim, so nobody takes over a build that is still going.</summary>
    private Task ProgressAsync(PreparedExport export, int done, int total, CancellationToken ct)
    {
        var until = Now + Claim;
        return db.PreparedExports.Where(e => e.Id == export.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.CasesDone, done)
            .SetProperty(e => e.CasesTotal, total)
            .SetProperty(e => e.ClaimedUntil, until), ct);
    }
}
