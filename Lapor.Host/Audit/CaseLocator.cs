using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit;

/// <summary>Finds a case by its tracking code or its process instance id, and decides whether a user may read it.</summary>
public sealed class CaseLocator(LaporDb db, HistoryQuery history)
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
        if (report is null && !await history.InstanceExistsAsync(instanceId, ct))
            return null;
        var escalated = await history.HasEnteredAsync(instanceId, AuditAccess.EscalationActivityId, ct);
        return new AuditCase(instanceId, report, escalated);
    }

    /// <summary>Of <paramref name="instanceIds"/>, those whose process reached the escalation task.</summary>
    public Task<IReadOnlySet<string>> EscalatedAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct = default) =>
        history.EnteredAsync(instanceIds, AuditAccess.EscalationActivityId, ct);

    /// <summary>The case when <paramref name="user"/> may read it; null when it does not exist or is not theirs to read.</summary>
    public async Task<AuditCase?> FindForAsync(ClaimsPrincipal user, string? codeOrInstanceId, CancellationToken ct = default)
    {
        var found = await FindAsync(codeOrInstanceId, ct);
        return found is null || (AuditAccess.EscalatedOnly(user) && !found.Escalated) ? null : found;
    }
}
