using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Reports;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Tasks;

/// <summary>
/// The demo host plus helpers that give each test its own case, so tests in one class never fight over a task:
/// a fresh report taken to the agency's response task, or an instance of a small process with form fields.
/// </summary>
public sealed class TaskHost : ReportsHost
{
    protected override bool DemoData => true;

    /// <summary>Submits a report and verifies it to <paramref name="agency"/>; returns its code and the open response task.</summary>
    public async Task<(string Code, string TaskId)> ReportAtResponseAsync(string agency = "dinkes", bool anonymous = false, string title = "Antrean puskesmas terlalu lama",
        IReadOnlyList<IncomingFile>? files = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = title, CategoryCode = "kesehatan", IsAnonymous = anonymous,
            Description = "Pasien menunggu lebih dari empat jam tanpa kepastian jadwal pemeriksaan di loket.",
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Gede Arsana", "gede@example.com", "081337000111").Value!, files ?? []);
        var code = intake.Report!.TrackingCode.ToString();
        var verify = await OpenTaskOfAsync(code, "verifikasi");
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(verify,
            new Dictionary<string, TypedValue> { ["decision"] = TypedValue.From("verify"), ["agency"] = TypedValue.From(agency) }, "koordinator");
        return (code, await OpenTaskOfAsync(code, "tindakLanjut"));
    }

    /// <summary>A report forwarded three times, which the process escalates: returns its code and the open escalation task.</summary>
    public async Task<(string Code, string TaskId)> EscalatedAsync(string title)
    {
        var (code, _) = await ReportAtResponseAsync("dinkes", title: title);
        foreach (var next in new[] { "dinsos-p3a", "dishub", "puprkim" })
        {
            var task = await OpenTaskOfAsync(code, "tindakLanjut");
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, new Dictionary<string, TypedValue>
            {
                ["outcome"] = TypedValue.From("forward"), ["forwardTo"] = TypedValue.From(next), ["forwardReason"] = TypedValue.From("Bukan wewenang kami."),
            }, "petugas");
        }
        return (code, await OpenTaskOfAsync(code, "eskalasi"));
    }

    public async Task<string> OpenTaskOfAsync(string code, string taskKey)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = await db.Reports.Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.ProcessInstanceId).SingleAsync();
        return await db.Set<TaskRow>().Where(t => t.InstanceId == instanceId && t.TaskDefinitionKey == taskKey).Select(t => t.Id).SingleAsync();
    }

    /// <summary>Deploys <paramref name="xml"/> (once per key is enough; a redeploy of the same text is skipped) and starts it.</summary>
    public async Task<string> StartAsync(string xml, string key)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Deployer>().DeployAsync(
            new DeploymentRequest(key, [new DeploymentResource(key + ".bpmn", xml)], DuplicateFiltering: true, Source: "test"), "admin");
        var instance = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest(key), "admin");
        return instance.Id;
    }

    internal async Task<TaskRow?> TaskAsync(string taskId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Set<TaskRow>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId);
    }

    internal async Task<TaskRow> SingleTaskOfInstanceAsync(string instanceId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Set<TaskRow>().AsNoTracking().SingleAsync(t => t.InstanceId == instanceId);
    }

    internal async Task<Dictionary<string, VariableRow>> VariablesAsync(string instanceId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Set<VariableRow>().AsNoTracking()
            .Where(v => v.InstanceId == instanceId).ToDictionaryAsync(v => v.Name);
    }

    internal async Task<List<HistoryEventRow>> OperationsAsync(string taskId)
    {
        await using var scope = Services.CreateAsyncScope();
        var events = new HistoryEvents(scope.ServiceProvider.GetRequiredService<LaporDb>());
        var chain = await events.ChainOfTaskAsync(taskId);
        return chain is null
            ? []
            : (await events.OfChainAsync(chain)).Where(h => h.TaskId == taskId && h.Kind == HistoryEventKind.UserOperation).ToList();
    }

    public async Task<Report> ReportAsync(string code)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
    }

    public async Task<List<InternalNote>> NotesAsync(Guid reportId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().InternalNotes.AsNoTracking().Where(n => n.ReportId == reportId).ToListAsync();
    }
}
