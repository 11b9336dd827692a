using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Support;

/// <summary>Completes a report's open task through the real engine, as an officer's form would.</summary>
public static class CaseSteps
{
    /// <param name="variables">An anonymous object whose properties are the form's variables.</param>
    public static async Task CompleteAsync(IServiceProvider services, string code, string taskKey, object variables, string actor)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = (await db.Reports.SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code))).ProcessInstanceId;
        var task = await db.Set<TaskRow>().SingleAsync(t => t.InstanceId == instanceId && t.TaskDefinitionKey == taskKey);
        var vars = variables.GetType().GetProperties().ToDictionary(p => p.Name, p => TypedValue.From(p.GetValue(variables)));
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task.Id, vars, actor);
    }
}
