using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Reports;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Audit;

/// <summary>The demo host (every demo account) plus helpers that walk fresh cases through the shipped process.</summary>
public class AuditHost : ReportsHost
{
    protected override bool DemoData => true;

    public async Task<Report> SubmitAsync(bool anonymous = false, string name = "Gede Arsana", string title = "Antrean puskesmas terlalu lama")
    {
        await using var scope = Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = title, CategoryCode = "kesehatan", IsAnonymous = anonymous,
            Description = "Pasien menunggu lebih dari empat jam tanpa kepastian jadwal pemeriksaan di loket.",
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest(name, "gede@example.com", "081337000111").Value!, []);
        return intake.Report!;
    }

    /// <summary>A report verified to dinkes and answered: its process waits for the reporter's confirmation.</summary>
    public async Task<Report> AnsweredAsync(bool anonymous = false, string name = "Gede Arsana")
    {
        var report = await SubmitAsync(anonymous, name);
        var code = report.TrackingCode.ToString();
        await CompleteAsync(code, "verifikasi", new() { ["decision"] = TypedValue.From("verify"), ["agency"] = TypedValue.From("dinkes") }, "koordinator");
        await CompleteAsync(code, "tindakLanjut", new() { ["outcome"] = TypedValue.From("respond"), ["response"] = TypedValue.From("Jadwal poli ditambah.") }, "dinkes.petugas");
        return await ReportAsync(code);
    }

    /// <summary>A case run to its end: verified, answered and confirmed by the reporter with a rating.</summary>
    public async Task<Report> FinishedAsync()
    {
        var report = await AnsweredAsync();
        await using var scope = Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<ReporterActions>().ConfirmAsync(report.TrackingCode.ToString(), 4, "Sudah membaik");
        Assert.Empty(errors);
        return await ReportAsync(report.TrackingCode.ToString());
    }

    /// <summary>A report forwarded three times, which the process escalates to the escalation task.</summary>
    public async Task<Report> EscalatedAsync()
    {
        var report = await SubmitAsync(title: "Jalan rusak tidak kunjung diperbaiki");
        var code = report.TrackingCode.ToString();
        await CompleteAsync(code, "verifikasi", new() { ["decision"] = TypedValue.From("verify"), ["agency"] = TypedValue.From("dinkes") }, "koordinator");
        foreach (var next in new[] { "dinsos-p3a", "dishub", "puprkim" })
            await CompleteAsync(code, "tindakLanjut", new()
            {
                ["outcome"] = TypedValue.From("forward"), ["forwardTo"] = TypedValue.From(next), ["forwardReason"] = TypedValue.From("Bukan wewenang kami."),
            }, "petugas");
        return await ReportAsync(code);
    }

    public async Task CompleteAsync(string code, string taskKey, Dictionary<string, TypedValue> variables, string actor)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.ProcessInstanceId).SingleAsync();
        var task = await db.Set<TaskRow>().Where(t => t.InstanceId == instanceId && t.TaskDefinitionKey == taskKey).Select(t => t.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, variables, actor);
    }

    public async Task<Report> ReportAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    /// <summary>Runs SQL straight against the database, as someone with write access to its files would.</summary>
    public async Task<int> SqlAsync(string sql, params object[] parameters)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Database.ExecuteSqlRawAsync(sql, parameters);
    }

    public async Task<T> WithDbAsync<T>(Func<LaporDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LaporDb>());
    }
}
