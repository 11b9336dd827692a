using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit;

/// <summary>Finds a case by its tracking code or its process instance id, and decides whether a user may read it.</summary>
public sealed class CaseLocator(LaporDb db)
{
    public async Task<AuditCase?> FindAsync(string? codeOrInstanceId, CancellationToken ct = default)
    {
        var key = codeOrInstanceId?.Trim();
        if (string.IsNullOrEmpty(key))
            return null;
        Report? report = null;
        if (TrackingCode.TryParse(key, out var code))
            report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.TrackingCode == code, ct);
        report ??= await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.ProcessInstanceId == key, ct);
        var instanceId = report?.ProcessInstanceId ?? key;
        var exists = report is not null
                     || await db.Set<ProcessInstanceRow>().AnyAsync(i => i.Id == instanceId, ct)
                     || await db.Set<HistoryEventRow>().AnyAsync(h => h.ChainId == instanceId, ct);
        if (!exists)
            return null;
        var escalated = await db.Set<HistoryEventRow>().OfInstance(instanceId).AnyAsync(h =>
            h.Kind == HistoryEventKind.ActivityStarted && h.ActivityId == AuditAccess.EscalationActivityId, ct);
        return new AuditCase(instanceId, report, escalated);
    }

    /// <summary>Of <paramref name="instanceIds"/>, those whose process reached the escalation task.</summary>
    public async Task<IReadOnlySet<string>> EscalatedAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct = default)
    {
        var escalated = await db.Set<HistoryEventRow>().Where(h => instanceIds.Contains(h.ChainId) && instanceIds.Contains(h.InstanceId!) && h.Kind == HistoryEventKind.ActivityStarted
            && h.ActivityId == AuditAccess.EscalationActivityId).Select(h => h.InstanceId!).Distinct().ToListAsync(ct);
        return escalated.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The case when <paramref name="user"/> may read it; null when it does not exist or is not theirs to read.</summary>
    public async Task<AuditCase?> FindForAsync(ClaimsPrincipal user, string? codeOrInstanceId, CancellationToken ct = default)
    {
        var found = await FindAsync(codeOrInstanceId, ct);
        return found is null || (AuditAccess.EscalatedOnly(user) && !found.Escalated) ? null : found;
    }
}
