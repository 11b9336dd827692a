using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Delivery;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>The demo host with notices on (real SMTP sink), plus helpers that give each test its own reports.</summary>
public sealed class DuplicatesHost : NoticesHost
{
    /// <summary>Submits a report (a guest with the given address) and verifies it to <paramref name="agency"/>; returns its code.</summary>
    public async Task<string> AtAgencyAsync(string title, string email, string agency = "dinkes", string reporterName = "Gede Arsana",
        string? phone = null, bool confidential = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = title, CategoryCode = "kesehatan", IsConfidential = confidential,
            Description = "Pasien menunggu lebih dari empat jam tanpa kepastian jadwal pemeriksaan di loket.",
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest(reporterName, email, phone).Value!, []);
        var code = intake.Report!.TrackingCode.ToString();
        await Support.CaseSteps.CompleteAsync(Services, code, "verifikasi", new { decision = "verify", agency }, "koordinator");
        return code;
    }

    public async Task<string?> OpenTaskOfAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.ProcessInstanceId).SingleAsync();
        return await db.Set<TaskRow>().Where(t => t.InstanceId == instanceId).Select(t => t.Id).SingleOrDefaultAsync();
    }

    public async Task<Report> ReportAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    internal async Task<ProcessInstanceRow> InstanceAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.ProcessInstanceId).SingleAsync();
        return await db.Set<ProcessInstanceRow>().AsNoTracking().SingleAsync(i => i.Id == instanceId);
    }

    public async Task<List<OutboxMessage>> OutboxToAsync(string recipient)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Outbox.AsNoTracking().Where(m => m.Recipient == recipient).ToListAsync();
    }

    internal async Task<List<Lapor.Workflows.History.HistoryEventRow>> UserOperationsAsync(string chainId, string name)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await new Lapor.Workflows.History.HistoryEvents(scope.ServiceProvider.GetRequiredService<LaporDb>()).OfChainAsync(chainId))
            .Where(h => h.Kind == Lapor.Workflows.History.HistoryEventKind.UserOperation && h.Name == name).ToList();
    }

    public async Task RespondAsync(string code, string response, string actor)
    {
        await using var scope = Services.CreateAsyncScope();
        var taskId = await OpenTaskOfAsync(code);
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId!,
            new Dictionary<string, TypedValue> { ["outcome"] = TypedValue.From("respond"), ["response"] = TypedValue.From(response) }, actor);
    }

    public async Task ConfirmIfWaitingAsync(string code)
    {
        if ((await ReportAsync(code)).Status == ReportStatus.Closed)
            return;
        await using var scope = Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<ReporterActions>().ConfirmAsync(code, null, null);
        Assert.Empty(errors);
    }
}
